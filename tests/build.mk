# filled in by the tests part
