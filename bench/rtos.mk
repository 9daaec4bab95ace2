# `make bench`'s RTOS rows (bench/rtos.sh). chibios-idle bare metal: one
# AArch64 ELF for QEMU's -kernel holding the raw image at 0x40000000 and
# the shim that enters it in AArch32 (bench/guest/a32-shim.S) above its
# 16 MiB. QEMU loads no 32-bit ELF for an AArch64 CPU, and an image at
# the RAM base through -device loader would collide with QEMU's DTB.
BENCH_A32_BARE := $(OUT)/bench/chibios-idle-bare.elf

ifneq ($(CHB_HAVE),)
ALL_TARGETS += $(BENCH_A32_BARE)
$(OUT)/bench/%-bare.elf: bench/guest/a32-shim.S $(INMATE_OUT)/%.bin
	@mkdir -p $(dir $@)
	cd $(dir $<) && $(CROSS)objcopy -I binary -O elf64-littleaarch64 \
		-B aarch64 --rename-section .data=.image,alloc,load,contents \
		$(INMATE_OUT)/$*.bin $(OUT)/bench/$*-image.o
	$(CROSS)gcc -nostdlib -static -Wl,-n -Wl,--build-id=none \
		-Wl,--section-start=.image=0x40000000 -Wl,-Ttext=0x48000000 \
		-o $@ $< $(OUT)/bench/$*-image.o
endif
