# warden.ko, built out of tree against the stock arm64 kernel headers.
DRIVER_SRCS := $(wildcard driver/*.c driver/*.h) driver/Kbuild \
	hypervisor/config.c hypervisor/include/wd/config_check.h \
	$(CHECKER_ARCH_SRCS) hypervisor/include/wd/config_rules.h \
	hypervisor/include/wd/colour.h \
	$(wildcard include/warden/*.h)
ALL_TARGETS += $(OUT)/arm64/warden.ko

$(OUT)/arm64/warden.ko: $(DRIVER_SRCS)
	$(MAKE) -C $(KDIR) M=$(TOP)/driver ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) modules
	@mkdir -p $(dir $@)
	cp $(TOP)/driver/warden.ko $@

.PHONY: driver-clean
driver-clean:
	$(MAKE) -C $(KDIR) M=$(TOP)/driver ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) clean

# The test image's root-side hypercall fuzzer (driver/test/).
include driver/test/build.mk
