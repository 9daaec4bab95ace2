# warden.bin for x86-64 (AMD SVM): the portable core (hypervisor/) and
# arch/x86/, built natively, freestanding, linked at 0 as a PIE
# (arch/x86/warden.lds.S). Only x86's checker rules (config_rules_own.c).
X86_HV_OUT := $(OUT)/x86/hv
X86_HV_SRCS := $(wildcard hypervisor/*.c) $(wildcard arch/x86/*.c) \
	$(wildcard arch/x86/*.S)
X86_HV_SRCS := $(filter-out %.lds.S,$(X86_HV_SRCS))
X86_HV_OBJS := $(patsubst %,$(X86_HV_OUT)/%.o,$(basename $(X86_HV_SRCS)))
X86_HV_INC := -I$(TOP)/include -I$(TOP)/hypervisor/include \
	-I$(TOP)/arch/x86/include
# No red zone (the host has no interrupts, but keep to the kernel ABI),
# no SSE/x87 state: the guest's stays live in the registers.
X86_HV_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Os -g \
	-ffreestanding -fno-builtin -nostdlib -fpie -fno-stack-protector \
	-fno-common -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-mno-red-zone -mgeneral-regs-only -fcf-protection=none \
	-include $(TOP)/hypervisor/include/wd/hidden.h $(X86_HV_INC) -MMD -MP
X86_HV_ASFLAGS := -D__ASSEMBLY__ $(X86_HV_INC) -MMD -MP
X86_HV_LDFLAGS := -nostdlib -pie --no-dynamic-linker -z norelro \
	-z noexecstack --no-warn-rwx-segments --build-id=none \
	-T $(X86_HV_OUT)/warden.lds

ALL_TARGETS += $(OUT)/x86/warden.bin

$(X86_HV_OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (x86)"
	@$(HOSTCC) $(X86_HV_CFLAGS) -c $< -o $@

$(X86_HV_OUT)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $< (x86)"
	@$(HOSTCC) $(X86_HV_ASFLAGS) -c $< -o $@

$(X86_HV_OUT)/warden.lds: arch/x86/warden.lds.S
	@mkdir -p $(dir $@)
	@$(HOSTCC) -E -P $(X86_HV_ASFLAGS) -MT $@ $< -o $@

$(X86_HV_OUT)/warden.elf: $(X86_HV_OBJS) $(X86_HV_OUT)/warden.lds
	@echo "  LD      $@"
	@ld $(X86_HV_LDFLAGS) $(X86_HV_OBJS) -o $@

$(OUT)/x86/warden.bin: $(X86_HV_OUT)/warden.elf
	@echo "  OBJCOPY $@"
	@objcopy -O binary -R .bss -R .console -R .config -R .percpu $< $@

# The fault-test build (scenario x86-hostfault; never a release image):
# CPU 1 reads an address Warden does not map when a SIPI starts it, so
# that the host IDT's fault dump has a trigger to show.
X86_FT_OBJS := $(filter-out %/arch/x86/sipi.o,$(X86_HV_OBJS)) \
	$(X86_HV_OUT)/fault-test/sipi.o
ALL_TARGETS += $(OUT)/x86/warden-fault.bin

$(X86_HV_OUT)/fault-test/sipi.o: arch/x86/sipi.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (x86, fault test)"
	@$(HOSTCC) $(X86_HV_CFLAGS) -DWD_X86_FAULT_TEST=0x1000 -c $< -o $@

$(X86_HV_OUT)/warden-fault.elf: $(X86_FT_OBJS) $(X86_HV_OUT)/warden.lds
	@echo "  LD      $@"
	@ld $(X86_HV_LDFLAGS) $(X86_FT_OBJS) -o $@

$(OUT)/x86/warden-fault.bin: $(X86_HV_OUT)/warden-fault.elf
	@echo "  OBJCOPY $@"
	@objcopy -O binary -R .bss -R .console -R .config -R .percpu $< $@

-include $(X86_HV_OBJS:.o=.d) $(X86_HV_OUT)/warden.d \
	$(X86_HV_OUT)/fault-test/sipi.d
