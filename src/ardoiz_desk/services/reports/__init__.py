"""The funders' report: figures computed in SQL, laid out as tables."""
