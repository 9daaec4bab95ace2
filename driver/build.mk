# warden.ko, built out of tree against the stock arm64 kernel headers.
DRIVER_SRCS := $(wildcard driver/*.c driver/*.h) driver/Kbuild \
	hypervisor/config.c hypervisor/include/wd/config_check.h \
	$(CHECKER_ARCH_SRCS) hypervisor/include/wd/config_rules.h \
	hypervisor/include/wd/colour.h $(CONFIG_TEXT_SRCS) $(CONFIG_TEXT_HDRS) \
	$(wildcard include/warden/*.h)
ALL_TARGETS += $(OUT)/arm64/warden.ko

$(OUT)/arm64/warden.ko: $(DRIVER_SRCS)
	$(MAKE) -C $(KDIR) M=$(TOP)/driver ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) modules
	@mkdir -p $(dir $@)
	cp $(TOP)/driver/warden.ko $@

# The same module for the PREEMPT_RT kernel (make setup fetches it into
# .cache/arm64-rt). Kbuild of 6.1 writes its objects beside the sources, so
# the RT build gets its own tree of links to them (out/arm64-rt/kbuild):
# the two builds never share an object, even under make -j.
KDIR_RT ?= $(CACHE)/arm64-rt/kdir
RT_KBUILD := $(OUT)/arm64-rt/kbuild
ifneq ($(wildcard $(KDIR_RT)/Makefile),)
ALL_TARGETS += $(OUT)/arm64-rt/warden.ko
endif

$(OUT)/arm64-rt/warden.ko: $(DRIVER_SRCS)
	@mkdir -p $(RT_KBUILD)/driver
	ln -sfn $(TOP)/include $(TOP)/hypervisor $(TOP)/lib $(RT_KBUILD)/
	ln -sf $(addprefix $(TOP)/,$(filter-out %.mod.c,$(wildcard \
		driver/*.c driver/*.h))) $(TOP)/driver/Kbuild $(RT_KBUILD)/driver/
	$(MAKE) -C $(KDIR_RT) M=$(RT_KBUILD)/driver ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) modules
	cp $(RT_KBUILD)/driver/warden.ko $@

.PHONY: driver-clean
driver-clean:
	$(MAKE) -C $(KDIR) M=$(TOP)/driver ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) clean
	rm -rf $(RT_KBUILD)

# The test image's root-side hypercall fuzzer (driver/test/).
include driver/test/build.mk

# The same module for x86-64 (Debian's stock amd64 kernel, make setup
# fetches it into .cache/x86), built natively in its own tree of links
# like the RT one.
KDIR_X86 ?= $(CACHE)/x86/kdir
X86_KBUILD := $(OUT)/x86/kbuild
ifneq ($(wildcard $(KDIR_X86)/Makefile),)
ALL_TARGETS += $(OUT)/x86/warden.ko
endif

$(OUT)/x86/warden.ko: $(DRIVER_SRCS)
	@mkdir -p $(X86_KBUILD)/driver
	ln -sfn $(TOP)/include $(TOP)/hypervisor $(TOP)/lib $(TOP)/arch \
		$(X86_KBUILD)/
	ln -sf $(addprefix $(TOP)/,$(filter-out %.mod.c,$(wildcard \
		driver/*.c driver/*.h))) $(TOP)/driver/Kbuild $(X86_KBUILD)/driver/
	$(MAKE) -C $(KDIR_X86) M=$(X86_KBUILD)/driver ARCH=x86 modules
	cp $(X86_KBUILD)/driver/warden.ko $@

# warden-net.ko (driver/net/).
include driver/net/build.mk
