# The `warden` CLI, one source built twice: for the host (C11, strict) and
# statically for the arm64 guest. Both link the hypervisor's config checker
# and the schedulability analysis (lib/rt_analysis/build.mk).
WARDEN_CLI_SRCS := $(filter-out tools/warden-shm-ping.c tools/warden-netperf.c,$(wildcard tools/*.c)) \
	hypervisor/config.c $(CHECKER_ARCH_SRCS) $(CONFIG_TEXT_SRCS) \
	$(RT_ANALYSIS_SRCS)
WARDEN_CLI_DEPS := $(WARDEN_CLI_SRCS) $(wildcard tools/*.h) \
	hypervisor/include/wd/config_check.h hypervisor/include/wd/colour.h \
	hypervisor/include/wd/config_rules.h \
	include/warden/config.h \
	include/warden/ioctl.h include/warden/version.h include/warden/rtos.h \
	$(RT_ANALYSIS_HDRS) $(CONFIG_TEXT_HDRS)
ALL_TARGETS += $(OUT)/host/warden $(OUT)/arm64/warden
# libfdt (warden cell linux): the host's libfdt-dev; for the static arm64
# CLI the libfdt-dev:arm64 package unpacked by ci/setup.sh.
LIBFDT_ARM64 ?= $(TOP)/.cache/libfdt-arm64/root/usr

# `warden config create` (tools/create/) needs libfdt: host build only.
CONFIG_CREATE_SRCS := $(wildcard tools/create/*.c)
$(OUT)/host/warden: $(WARDEN_CLI_DEPS) $(CONFIG_CREATE_SRCS) $(wildcard tools/create/*.h)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -DWARDEN_CONFIG_CREATE -I$(RT_ANALYSIS_DIR) -I$(CONFIG_TEXT_DIR) -o $@ $(WARDEN_CLI_SRCS) $(CONFIG_CREATE_SRCS) -lfdt

$(OUT)/arm64/warden: $(WARDEN_CLI_DEPS)
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(HOST_CFLAGS) -I$(RT_ANALYSIS_DIR) -I$(CONFIG_TEXT_DIR) \
		-I$(LIBFDT_ARM64)/include -static -o $@ $(WARDEN_CLI_SRCS) \
		$(LIBFDT_ARM64)/lib/aarch64-linux-gnu/libfdt.a

# Test only (scenario smmu): makes a PCI device DMA where it is told.
ALL_TARGETS += $(OUT)/arm64/wd-dma-probe
$(OUT)/arm64/wd-dma-probe: tests/guest/dma_probe.c
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(HOST_CFLAGS) -static -o $@ tests/guest/dma_probe.c

# The root's end of the shared-memory echo demo (Documentation/ivshmem.md),
# a static arm64 program for the guest.
ALL_TARGETS += $(OUT)/arm64/warden-shm-ping
$(OUT)/arm64/warden-shm-ping: tools/warden-shm-ping.c include/warden/shm_echo.h \
		include/warden/hypercall.h include/warden/config.h
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(HOST_CFLAGS) -static -o $@ tools/warden-shm-ping.c

# A TCP stream with a checksum for warden-net's figures (Documentation/
# vnet.md), static: in the root's image and the Linux cell's initramfs.
ALL_TARGETS += $(OUT)/arm64/warden-netperf
$(OUT)/arm64/warden-netperf: tools/warden-netperf.c
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(HOST_CFLAGS) -O2 -static -o $@ tools/warden-netperf.c

# The static CLI for the x86 root (ci/mkinitrd-x86.sh), built natively.
ifneq ($(wildcard $(CACHE)/x86/kdir/Makefile),)
ALL_TARGETS += $(OUT)/x86/warden
endif
$(OUT)/x86/warden: $(WARDEN_CLI_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -I$(RT_ANALYSIS_DIR) -I$(CONFIG_TEXT_DIR) \
		-static -o $@ $(WARDEN_CLI_SRCS) -lfdt

# A hostile x86 root's tries (x86-enable): VMMCALL from a process, INIT
# and SIPI to a CPU of its own. Static, in the x86 image.
ifneq ($(wildcard $(CACHE)/x86/kdir/Makefile),)
ALL_TARGETS += $(OUT)/x86/wd-x86-attack
endif
$(OUT)/x86/wd-x86-attack: tests/guest/x86/attack.c \
		tests/guest/x86/init_stub.S
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -O2 -static -o $@ $^
