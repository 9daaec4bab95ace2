# filled in by the inmates part
