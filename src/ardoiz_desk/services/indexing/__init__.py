"""What the search indexes are built from: packed strings, id views over positions, and
giving the memory of an index load back."""
