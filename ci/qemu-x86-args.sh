# The x86 test machine (ci/run-qemu-x86.sh), sourced. QEMU q35 under TCG
# with AMD SVM + NPT (-cpu max), 4 CPUs, 1 GiB. Warden's memory is taken
# from the top of RAM with memmap= (configs/x86/qemu-q35.c has the same
# ranges): 4 MiB hypervisor range, 56 MiB cell pool, below SeaBIOS's ACPI
# tables (e820 reserved from 0x3ffdf000).
QEMU_X86_CPU=${QEMU_X86_CPU:-max}
QEMU_X86_SMP=${QEMU_X86_SMP:-4}
QEMU_X86_MEM=${QEMU_X86_MEM:-1G}
QEMU_X86_HV_BASE=0x3f800000
QEMU_X86_HV_SIZE=0x400000
QEMU_X86_POOL_BASE=0x3c000000
QEMU_X86_POOL_SIZE=0x3800000
QEMU_X86_RESERVE="memmap=4M\$$QEMU_X86_HV_BASE memmap=56M\$$QEMU_X86_POOL_BASE"
