# warden-net.ko (driver/net/): the root's and a Linux cell's netdev over a
# link. Its own kbuild directory, so that it never races warden.ko's build.
VNET_KO_SRCS := $(wildcard driver/net/*.c driver/net/*.h) driver/net/Kbuild \
	include/warden/vnet.h include/warden/hypercall.h
ALL_TARGETS += $(OUT)/arm64/warden-net.ko

$(OUT)/arm64/warden-net.ko: $(VNET_KO_SRCS)
	$(MAKE) -C $(KDIR) M=$(TOP)/driver/net ARCH=arm64 \
		CROSS_COMPILE=$(CROSS) modules
	@mkdir -p $(dir $@)
	cp $(TOP)/driver/net/warden-net.ko $@
