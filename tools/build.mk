# filled in by the tools part
