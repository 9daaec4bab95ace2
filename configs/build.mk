# Configs: C files compiled with the cross compiler; only the .wdconfig
# section is kept, as a raw binary blob. Both kinds take the board's
# addresses from configs/arm64/qemu-virt-board.h.
CONFIG_SRCS := $(wildcard configs/arm64/*.c) $(wildcard cells/arm64/*.c)
CONFIG_BLOBS := $(patsubst %.c,$(OUT)/arm64/%.cell,$(notdir $(CONFIG_SRCS)))
ALL_TARGETS += $(CONFIG_BLOBS)

$(OUT)/arm64/%.cell: configs/arm64/%.c configs/arm64/qemu-virt-common.h \
		configs/arm64/qemu-virt-board.h include/warden/config.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc -I$(TOP)/include -O0 -c $< -o $@.o
	$(CROSS)objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o
$(OUT)/arm64/%.cell: cells/arm64/%.c $(wildcard cells/arm64/*.h) \
		include/warden/config.h include/warden/rtos.h \
		include/warden/rt_taskset.h configs/arm64/qemu-virt-board.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc -I$(TOP)/include -I$(TOP)/configs/arm64 -O0 -c $< -o $@.o
	$(CROSS)objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o

# Real boards' configs (configs/arm64/boards/generate.sh, Documentation/
# boards.md): out/boards/NAME.cell, not put into the QEMU image.
BOARD_SRCS := $(wildcard configs/arm64/boards/*.c cells/arm64/boards/*.c)
BOARD_BLOBS := $(patsubst %.c,$(OUT)/boards/%.cell,$(notdir $(BOARD_SRCS)))
ALL_TARGETS += $(BOARD_BLOBS)
$(OUT)/boards/%.cell: configs/arm64/boards/%.c include/warden/config.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc -I$(TOP)/include -O0 -c $< -o $@.o
	$(CROSS)objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o
$(OUT)/boards/%.cell: cells/arm64/boards/%.c include/warden/config.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc -I$(TOP)/include -O0 -c $< -o $@.o
	$(CROSS)objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o

# x86 configs (configs/x86/, cells/x86/): compiled natively, the same
# objcopy.
X86_CONFIG_BLOBS := $(patsubst configs/x86/%.c,$(OUT)/x86/%.cell,\
	$(wildcard configs/x86/*.c)) \
	$(patsubst cells/x86/%.c,$(OUT)/x86/%.cell,$(wildcard cells/x86/*.c))
ALL_TARGETS += $(X86_CONFIG_BLOBS)
$(OUT)/x86/%.cell: configs/x86/%.c include/warden/config.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -I$(TOP)/include -O0 -c $< -o $@.o
	objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o
$(OUT)/x86/%.cell: cells/x86/%.c $(wildcard cells/x86/*.h) \
		include/warden/config.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -I$(TOP)/include -O0 -c $< -o $@.o
	objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o
