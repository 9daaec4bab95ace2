# Configs: C files compiled with the cross compiler; only the .wdconfig
# section is kept, as a raw binary blob.
CONFIG_SRCS := $(wildcard configs/arm64/*.c) $(wildcard cells/arm64/*.c)
CONFIG_BLOBS := $(patsubst %.c,$(OUT)/arm64/%.cell,$(notdir $(CONFIG_SRCS)))
ALL_TARGETS += $(CONFIG_BLOBS)

$(OUT)/arm64/%.cell: configs/arm64/%.c configs/arm64/qemu-virt-common.h include/warden/config.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc -I$(TOP)/include -O0 -c $< -o $@.o
	$(CROSS)objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o
$(OUT)/arm64/%.cell: cells/arm64/%.c $(wildcard cells/arm64/*.h) \
		include/warden/config.h include/warden/rtos.h \
		include/warden/rt_taskset.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc -I$(TOP)/include -O0 -c $< -o $@.o
	$(CROSS)objcopy -O binary --only-section=.wdconfig $@.o $@
	@rm -f $@.o
