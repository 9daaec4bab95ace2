# Inmates: bare-metal EL1 programs for Warden cells (Documentation/inmate-abi.md).
# Each demo becomes out/arm64/inmates/NAME.elf (for QEMU -kernel and
# debugging) and NAME.bin (the raw image `warden cell load` copies to the
# cell's RAM at 0x40000000). Both are the same link: no second address.

INMATE_OUT := $(OUT)/arm64/inmates
INMATE_OBJ := $(INMATE_OUT)/obj
INMATE_CC := $(CROSS)gcc
INMATE_OBJCOPY := $(CROSS)objcopy

# -mstrict-align: the MMU is off, so all data accesses are Device memory,
# where an unaligned access faults. -fno-tree-loop-distribute-patterns:
# keeps GCC from turning memset's own loop into a call to memset.
INMATE_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-ffreestanding -nostdlib -mgeneral-regs-only -mstrict-align \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pic \
	-ffunction-sections -fdata-sections \
	-I$(TOP)/inmates/lib/include -I$(TOP)/include -I$(TOP)/configs/arm64
INMATE_LDS := $(TOP)/inmates/lib/inmate.lds
INMATE_LDFLAGS := -nostdlib -static -T $(INMATE_LDS) -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments

INMATE_LIB_SRCS := $(wildcard inmates/lib/*.c inmates/lib/*.S)
INMATE_LIB_OBJS := $(patsubst inmates/lib/%,$(INMATE_OBJ)/lib/%.o, \
	$(INMATE_LIB_SRCS))
INMATE_HDRS := $(wildcard inmates/lib/*.h inmates/lib/include/inmate/*.h) \
	inmates/demos/latency.h \
	include/warden/hypercall.h include/warden/shm_echo.h \
	configs/arm64/qemu-virt-board.h

# One fault binary per case, all from demos/fault.c (FAULT_CASE selects).
INMATE_FAULTS := oob-read root-write undef smc smc-sip sysreg mmio gicd \
	hvc-flood
INMATE_DIRECT := sgi-out sgi0 mgmt-off mgmt-prio mgmt-group ap1r
INMATE_DEMOS := hello ticker flood timer timer-busy selftest latency rtc memtest echo \
	direct $(addprefix direct-,$(INMATE_DIRECT)) \
	shm-intruder hcfuzz hcfuzz-soak memkeep race irqqueue irqprio shmkeep \
	cpustate conwrite refire parklevel vblk \
	$(addprefix fault-,$(INMATE_FAULTS))
INMATE_ELFS := $(patsubst %,$(INMATE_OUT)/%.elf,$(INMATE_DEMOS))
INMATE_BINS := $(INMATE_ELFS:.elf=.bin)
INMATE_DEMO_OBJS := $(patsubst %,$(INMATE_OBJ)/demos/%.o,$(INMATE_DEMOS))
ALL_TARGETS += $(INMATE_ELFS) $(INMATE_BINS)
# Keep the objects make would otherwise delete as intermediates.
.SECONDARY: $(INMATE_LIB_OBJS) $(INMATE_DEMO_OBJS)

$(INMATE_OBJ)/lib/%.c.o: inmates/lib/%.c $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -c $< -o $@

$(INMATE_OBJ)/lib/%.S.o: inmates/lib/%.S $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(INMATE_OBJ)/demos/%.o: inmates/demos/%.c $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -c $< -o $@

$(INMATE_OBJ)/demos/direct-%.o: inmates/demos/direct.c $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -DDIRECT_CASE='"$*"' -c $< -o $@

$(INMATE_OBJ)/demos/fault-%.o: inmates/demos/fault.c $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -DFAULT_CASE='"$*"' -c $< -o $@

# The hypercall fuzzer: 10^4 calls for `make test`, 10^5 for `make soak`.
$(INMATE_OBJ)/demos/hcfuzz-soak.o: inmates/demos/hcfuzz.c $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -DHCFUZZ_CALLS=100000ul -c $< -o $@

# timer idling in a busy loop instead of WFI
$(INMATE_OBJ)/demos/timer-busy.o: inmates/demos/timer.c $(INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -DTIMER_BUSY_WAIT -c $< -o $@

# The latency inmate: portable demos/latency.c and its arm64 part.
$(INMATE_OUT)/latency.elf: INMATE_EXTRA = $(INMATE_OBJ)/demos/latency_arm64.o
$(INMATE_OUT)/latency.elf: $(INMATE_OBJ)/demos/latency_arm64.o

$(INMATE_OUT)/%.elf: $(INMATE_OBJ)/demos/%.o $(INMATE_LIB_OBJS) $(INMATE_LDS)
	$(INMATE_CC) $(INMATE_CFLAGS) $(INMATE_LDFLAGS) -o $@ \
		$(INMATE_LIB_OBJS) $< $(INMATE_EXTRA) -lgcc

$(INMATE_OUT)/%.bin: $(INMATE_OUT)/%.elf
	$(INMATE_OBJCOPY) -O binary $< $@

# Host unit test of the printf engine, and bare-metal QEMU runs of the demos.
INMATE_TEST_BIN := $(INMATE_OUT)/host/test_format
$(INMATE_TEST_BIN): inmates/tests/test_format.c inmates/lib/format.c \
		inmates/lib/include/inmate/format.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -I$(TOP)/inmates/lib/include -o $@ \
		inmates/tests/test_format.c inmates/lib/format.c -lcmocka

.PHONY: inmates inmates-test-unit inmates-test-qemu test-unit
# `make test-unit` runs this part's host test too (no recipe added here).
test-unit: inmates-test-unit
inmates: $(INMATE_ELFS) $(INMATE_BINS)
inmates-test-unit: $(INMATE_TEST_BIN)
	$(INMATE_TEST_BIN)
inmates-test-qemu: $(INMATE_ELFS)
	bash inmates/tests/run-baremetal.sh $(INMATE_OUT)
	bash inmates/rtos/tests/run-baremetal.sh $(INMATE_OUT)

# The RTOS inmate has its own fragment (several objects per image).
include inmates/rtos/build.mk

# FreeRTOS in a cell: only when the upstream sources are there.
include inmates/freertos/build.mk

# x86-64 inmates (native gcc), the RTOS's among them.
include inmates/x86.mk
include inmates/rtos/x86.mk

# AArch32 cells' inmates (arm-none-eabi-gcc).
include inmates/aarch32/build.mk

# ChibiOS/RT in an AArch32 cell: only with the upstream sources.
include inmates/chibios/build.mk
