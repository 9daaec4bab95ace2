# warden-hcfuzz.ko: the root-side hypercall fuzzer, test image only
# (docs/robustness.md). Its own kbuild directory, so that it never races
# warden.ko's build.
HCFUZZ_KO_SRCS := $(wildcard driver/test/*.c driver/test/*.h) \
	driver/test/Kbuild $(wildcard include/warden/*.h) \
	configs/arm64/qemu-virt-board.h
ALL_TARGETS += $(OUT)/arm64/warden-hcfuzz.ko

$(OUT)/arm64/warden-hcfuzz.ko: $(HCFUZZ_KO_SRCS)
	$(MAKE) -C $(KDIR) M=$(TOP)/driver/test ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) modules
	@mkdir -p $(dir $@)
	cp $(TOP)/driver/test/warden-hcfuzz.ko $@

# warden-cpustate.ko: leaves PMU/debug state on a root CPU and reads it
# back (scenario cpustate). Its own kbuild directory too.
CPUSTATE_KO_SRCS := $(wildcard driver/test/cpustate/*.c) \
	driver/test/cpustate/Kbuild
ALL_TARGETS += $(OUT)/arm64/warden-cpustate.ko

$(OUT)/arm64/warden-cpustate.ko: $(CPUSTATE_KO_SRCS)
	$(MAKE) -C $(KDIR) M=$(TOP)/driver/test/cpustate ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) modules
	@mkdir -p $(dir $@)
	cp $(TOP)/driver/test/cpustate/warden-cpustate.ko $@
