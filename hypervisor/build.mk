# warden.bin: the hypervisor core (hypervisor/) and its arm64 half
# (arch/arm64/), freestanding, linked at 0 as a PIE (see warden.lds.S).
HV_ARCH := arm64
HV_OUT := $(OUT)/$(HV_ARCH)/hv
HV_SRCS := $(wildcard hypervisor/*.c) $(wildcard arch/$(HV_ARCH)/*.c) \
	$(wildcard arch/$(HV_ARCH)/*.S)
HV_SRCS := $(filter-out %.lds.S,$(HV_SRCS))
HV_OBJS := $(patsubst %,$(HV_OUT)/%.o,$(basename $(HV_SRCS)))
HV_INC := -I$(TOP)/include -I$(TOP)/hypervisor/include \
	-I$(TOP)/arch/$(HV_ARCH)/include
HV_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Os -g -fomit-frame-pointer \
	-ffreestanding -fno-builtin -nostdlib -fpie -fno-stack-protector \
	-fno-common -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-mgeneral-regs-only -mno-outline-atomics \
	-mbranch-protection=none \
	-include $(TOP)/hypervisor/include/wd/hidden.h $(HV_INC) -MMD -MP
HV_ASFLAGS := -D__ASSEMBLY__ $(HV_INC) -MMD -MP
# Cortex-A53 erratum 843419: the image is far below ADR's 1 MiB reach, so
# ld can always turn an exposed ADRP into an ADR; its default also adds
# veneers, a page-aligned section that cost up to 4 KiB of warden.bin
# whenever an ADRP happened to land at a page's end.
HV_LDFLAGS := -nostdlib -pie --no-dynamic-linker -z norelro -z noexecstack \
	--no-warn-rwx-segments --fix-cortex-a53-843419=adr \
	--build-id=none -T $(HV_OUT)/warden.lds

ALL_TARGETS += $(OUT)/$(HV_ARCH)/warden.bin

# Built for size (-Os) except the C files of a measured hot path, which
# keep -O2: the arch's (arch/$(HV_ARCH)/hot.mk) and the doorbell's table
# walk (ivshmem_ring.c, after the arch's fast path). The rest runs rarely or
# is not gated; Documentation/hypervisor.md (Size) has the figures.
include arch/$(HV_ARCH)/hot.mk
HV_HOT_SRCS := $(addprefix arch/$(HV_ARCH)/,$(HV_ARCH_HOT_SRCS)) \
	$(addprefix hypervisor/,ivshmem_ring.c)
$(patsubst %.c,$(HV_OUT)/%.o,$(HV_HOT_SRCS)): HV_CFLAGS += -O2

# Only the C that runs with the MMU off (every access Device memory,
# where an unaligned one faults) is built -mstrict-align; the rest runs on
# Normal memory with SCTLR_EL2.A clear, and lets the compiler copy and
# compare unaligned (-mstrict-align cost 470 B of warden.bin). The option
# is per function: link-time optimisation keeps it and does not inline
# across it.
$(HV_OUT)/arch/$(HV_ARCH)/boot_mmu.o: HV_CFLAGS += -mstrict-align

# Link-time optimisation (3.1 KiB of warden.bin; gcc links, with the
# same flags): each function keeps the -O level of its file. string.c
# stays out of it: GCC emits calls to memset and memcpy after LTO could
# have dropped or localised them.
$(HV_OUT)/hypervisor/string.o: HV_LTO :=
HV_LTO := -flto
comma := ,

$(HV_OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CROSS)gcc $(HV_CFLAGS) $(HV_LTO) -c $< -o $@

$(HV_OUT)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CROSS)gcc $(HV_ASFLAGS) -c $< -o $@

$(HV_OUT)/warden.lds: arch/$(HV_ARCH)/warden.lds.S
	@mkdir -p $(dir $@)
	@$(CROSS)gcc -E -P $(HV_ASFLAGS) -MT $@ $< -o $@

$(HV_OUT)/warden.elf: $(HV_OBJS) $(HV_OUT)/warden.lds
	@echo "  LD      $@"
	@$(CROSS)gcc $(HV_CFLAGS) -flto -flto-partition=one $(addprefix -Wl$(comma),$(HV_LDFLAGS)) \
		$(HV_OBJS) -o $@

# After the link (warden.lds.S): the linker's relocations become a bitmap
# in the image, the vector tables a packed copy at its end.
HV_HOST := arch/$(HV_ARCH)/host
$(OUT)/host/hv-%: $(HV_HOST)/%.c $(HV_HOST)/elf_file.c $(HV_HOST)/elf_file.h
	@mkdir -p $(dir $@)
	@$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(HV_HOST)/elf_file.c

$(OUT)/$(HV_ARCH)/warden.bin: $(HV_OUT)/warden.elf $(OUT)/host/hv-relocs \
		$(OUT)/host/hv-vectors
	@echo "  OBJCOPY $@"
	@$(CROSS)objcopy -O binary -R .bss -R .console -R .config -R .percpu \
		-R .rela.dyn -R .dynamic $< $@
	@$(OUT)/host/hv-relocs $< $@ >/dev/null && \
		$(OUT)/host/hv-vectors $< $@ || { rm -f $@; exit 1; }

# The size gate (ci/size-check.sh), part of `make test`. The budget is
# issue 17's goal of 48 KiB once that is reached; until then it is the
# size last reached, rounded up to the next KiB, so that warden.bin
# cannot grow unnoticed (Documentation/hypervisor.md, Size): 61,770 B
# after issue 17's LTO; 66,186 B with the SMMU (issue 24) and the park
# timer; 58,040 B with the read-only image, its relocation bitmap and
# the packed vectors; 59,976 B with the ITS trap, the SMMU's interrupts
# and the PCI quiesce (issue 24, +2,184 B); 60,480 B with x86 cells' shared
# parts (the I/O-port checker rules, WD_HC_CPU_PARK; issue 23, +504 B).
WARDEN_BIN_MAX ?= 60928
.PHONY: size-check
size-check: $(OUT)/$(HV_ARCH)/warden.bin
	@bash ci/size-check.sh $< $(HV_OUT)/warden.elf $(WARDEN_BIN_MAX)

-include $(HV_OBJS:.o=.d) $(HV_OUT)/warden.d
