# AArch32 inmates (inmates/aarch32, included from inmates/build.mk): 32-bit
# programs for WD_CELL_AARCH32 cells, built with Debian's gcc-arm-none-eabi
# (A32 start-up, T32 C code). Without that compiler they are not built
# and the aarch32 scenario says so.
#   aarch32-test           checks of the cell and timer ticks
#   aarch32-fault-NAME     one fault each (test.c, FAULT_CASE)

A32_CROSS ?= arm-none-eabi-
A32_CC := $(A32_CROSS)gcc
A32_HAVE := $(shell command -v $(A32_CC) 2>/dev/null)
A32_DIR := inmates/aarch32
A32_OBJ := $(INMATE_OBJ)/aarch32
A32_ARCH := -march=armv7-a -mfloat-abi=soft
# -mno-unaligned-access: the MMU is off, all data is Device memory.
A32_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror $(A32_ARCH) -mthumb \
	-ffreestanding -nostdlib -mno-unaligned-access \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pic \
	-ffunction-sections -fdata-sections \
	-I$(TOP)/inmates/lib/include -I$(TOP)/include -I$(TOP)/$(A32_DIR) \
	-I$(TOP)/configs/arm64
A32_LDS := $(TOP)/$(A32_DIR)/a32.lds
A32_LDFLAGS := -nostdlib -static -T $(A32_LDS) -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments
A32_HDRS := $(wildcard $(A32_DIR)/*.h) include/warden/comm.h \
	include/warden/hypercall.h include/warden/config.h
# The library proper (also the ChibiOS BSP's), then the test's start-up.
A32_COMMON_OBJS := $(A32_OBJ)/hvc.o $(A32_OBJ)/lib.o $(A32_OBJ)/gic.o \
	$(A32_OBJ)/bare.o \
	$(A32_OBJ)/format.o $(A32_OBJ)/tick_latency.o
A32_LIB_OBJS := $(A32_OBJ)/entry.o $(A32_COMMON_OBJS)
A32_FAULTS := undef oob-write oob-exec cp15 writeback
A32_IMAGES := aarch32-test $(addprefix aarch32-fault-,$(A32_FAULTS))

ifneq ($(A32_HAVE),)
.SECONDARY: $(A32_LIB_OBJS) \
	$(patsubst %,$(A32_OBJ)/%.o,$(A32_IMAGES)) \
	$(patsubst %,$(INMATE_OUT)/%.elf,$(A32_IMAGES))

$(A32_OBJ)/%.o: $(A32_DIR)/%.S
	@mkdir -p $(dir $@)
	$(A32_CC) $(A32_CFLAGS) -marm -c $< -o $@
$(A32_OBJ)/format.o: inmates/lib/format.c inmates/lib/include/inmate/format.h
	@mkdir -p $(dir $@)
	$(A32_CC) $(A32_CFLAGS) -c $< -o $@
$(A32_OBJ)/tick_latency.o: inmates/lib/tick_latency.c \
		inmates/lib/include/inmate/tick_latency.h
	@mkdir -p $(dir $@)
	$(A32_CC) $(A32_CFLAGS) -c $< -o $@
$(A32_OBJ)/%.o: $(A32_DIR)/%.c $(A32_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(A32_CFLAGS) -c $< -o $@
$(A32_OBJ)/aarch32-test.o: $(A32_DIR)/test.c $(A32_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(A32_CFLAGS) -c $< -o $@
$(A32_OBJ)/aarch32-fault-%.o: $(A32_DIR)/test.c $(A32_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(A32_CFLAGS) -DFAULT_CASE='"$*"' -c $< -o $@

$(INMATE_OUT)/aarch32-%.elf: $(A32_OBJ)/aarch32-%.o $(A32_LIB_OBJS) $(A32_LDS)
	$(A32_CC) $(A32_CFLAGS) $(A32_LDFLAGS) -o $@ $(A32_LIB_OBJS) $< -lgcc

$(INMATE_OUT)/aarch32-%.bin: $(INMATE_OUT)/aarch32-%.elf
	$(A32_CROSS)objcopy -O binary $< $@

A32_BINS := $(patsubst %,$(INMATE_OUT)/%.bin,$(A32_IMAGES))
ALL_TARGETS += $(A32_BINS)
inmates: $(A32_BINS)
endif
