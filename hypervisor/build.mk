# filled in by the hypervisor part
