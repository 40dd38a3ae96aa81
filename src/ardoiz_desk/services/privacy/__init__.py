"""Personal data (RGPD): erasure, retention, a person's record, the audit trail."""
