"""Files for others: CSV, XLSX and La Coop's import template."""
