"""Your data in and out: imports with undo, exports, backups and restore, the trash."""
