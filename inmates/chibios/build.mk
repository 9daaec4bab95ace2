# ChibiOS/RT in an AArch32 cell (inmates/chibios/README.md), included from
# inmates/build.mk after inmates/aarch32/build.mk. Our code is the BSP;
# the kernel, the ARM port and the test suites come from a checkout of
# the upstream release the user points at:
#   CHIBIOS_DIR=   ChibiOS ver21.11.x (os/rt, os/oslib, os/common/ports/ARM,
#                  os/test, test/rt, test/oslib)
# It defaults to ../shared/third_party/ChibiOS beside the checkout (or one
# level up, for a git worktree) when present. Without it (or without
# arm-none-eabi-gcc) the images are not built, `make chibios` says what to
# set and the chibios scenario skips with a line saying so.
#   chibios-test    the RT and OS-library test suites
#   chibios-fault   the kernel, then a thread writes outside the cell
#   chibios-idle    the kernel alone, reporting its tick latency (bench)
#   chibios-demo    the cell config's task set as threads, statistics in
#                   the comm page (its kernel is built with CHIBIOS_DEMO:
#                   a per-thread CPU-time field and switch hook)

CHIBIOS_DIR ?= $(firstword $(wildcard $(TOP)/../shared/third_party/ChibiOS \
	$(TOP)/../../shared/third_party/ChibiOS))
CHB_DIR := inmates/chibios
CHB_OBJ := $(INMATE_OBJ)/chibios
CHB_HAVE := $(and $(A32_HAVE),$(wildcard $(CHIBIOS_DIR)/os/rt/src/chsys.c))

.PHONY: chibios
ifneq ($(CHB_HAVE),)

CHB_RT := $(notdir $(wildcard $(CHIBIOS_DIR)/os/rt/src/*.c))
CHB_OSLIB := $(notdir $(wildcard $(CHIBIOS_DIR)/os/oslib/src/*.c))
CHB_TESTS := $(notdir $(wildcard $(CHIBIOS_DIR)/test/rt/source/test/*.c)) \
	$(notdir $(wildcard $(CHIBIOS_DIR)/test/oslib/source/test/*.c))
CHB_UP_OBJS := $(patsubst %.c,$(CHB_OBJ)/rt/%.o,$(CHB_RT)) \
	$(patsubst %.c,$(CHB_OBJ)/oslib/%.o,$(CHB_OSLIB)) \
	$(patsubst %.c,$(CHB_OBJ)/tests/%.o,$(CHB_TESTS)) \
	$(CHB_OBJ)/test/ch_test.o $(CHB_OBJ)/test/ch_test_printf.o \
	$(CHB_OBJ)/port/chcore.o $(CHB_OBJ)/port/chcoreasm.o
CHB_BSP_OBJS := $(A32_OBJ)/entry.o $(CHB_OBJ)/start.o $(CHB_OBJ)/bsp.o \
	$(A32_COMMON_OBJS)

# Upstream code in A32 (the port's threads start in ARM state), with its
# own warnings (not -Werror, not -Wextra). No size report: it needs the
# upstream linker script's symbols.
CHB_INCS := -I$(TOP)/$(CHB_DIR) -I$(TOP)/$(A32_DIR) -I$(TOP)/include \
	-I$(TOP)/inmates/lib/include \
	-I$(CHIBIOS_DIR)/os/license -I$(CHIBIOS_DIR)/os/rt/include \
	-I$(CHIBIOS_DIR)/os/oslib/include \
	-I$(CHIBIOS_DIR)/os/common/ports/ARM \
	-I$(CHIBIOS_DIR)/os/common/ports/ARM-common \
	-I$(CHIBIOS_DIR)/os/common/portability/GCC \
	-I$(CHIBIOS_DIR)/os/hal/include -I$(CHIBIOS_DIR)/os/test/include \
	-I$(CHIBIOS_DIR)/test/rt/source/test \
	-I$(CHIBIOS_DIR)/test/oslib/source/test
CHB_DEFS := -DTEST_CFG_SIZE_REPORT=FALSE -DPLATFORM_NAME='"Warden AArch32 cell"'
CHB_UP_CFLAGS := $(filter-out -Werror -Wextra -mthumb,$(A32_CFLAGS)) -marm \
	$(CHB_INCS) $(CHB_DEFS)
CHB_CFLAGS := $(filter-out -mthumb,$(A32_CFLAGS)) -marm $(CHB_INCS) $(CHB_DEFS)
CHB_HDRS := $(wildcard $(CHB_DIR)/*.h) $(A32_HDRS)

$(CHB_OBJ)/rt/%.o: $(CHIBIOS_DIR)/os/rt/src/%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/oslib/%.o: $(CHIBIOS_DIR)/os/oslib/src/%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/tests/rt_%.o: $(CHIBIOS_DIR)/test/rt/source/test/rt_%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/tests/oslib_%.o: $(CHIBIOS_DIR)/test/oslib/source/test/oslib_%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/test/%.o: $(CHIBIOS_DIR)/os/test/src/%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/port/chcore.o: $(CHIBIOS_DIR)/os/common/ports/ARM/chcore.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/port/chcoreasm.o: $(CHIBIOS_DIR)/os/common/ports/ARM/compilers/GCC/chcoreasm.S $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -c $< -o $@
$(CHB_OBJ)/start.o: $(CHB_DIR)/start.S
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -c $< -o $@
$(CHB_OBJ)/bsp.o: $(CHB_DIR)/bsp.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -c $< -o $@
$(CHB_OBJ)/chibios-test.o: $(CHB_DIR)/test.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -c $< -o $@
$(CHB_OBJ)/chibios-fault.o: $(CHB_DIR)/test.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -DCHIBIOS_FAULT -c $< -o $@
$(CHB_OBJ)/chibios-idle.o: $(CHB_DIR)/test.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -DCHIBIOS_IDLE -c $< -o $@

# chibios-demo: the kernel again, with the demo's thread field and hook.
CHB_DEMO_KOBJS := $(patsubst %.c,$(CHB_OBJ)/demo/rt/%.o,$(CHB_RT)) \
	$(patsubst %.c,$(CHB_OBJ)/demo/oslib/%.o,$(CHB_OSLIB)) \
	$(CHB_OBJ)/demo/port/chcore.o $(CHB_OBJ)/demo/port/chcoreasm.o
CHB_DEMO_OBJS := $(A32_OBJ)/entry.o $(CHB_OBJ)/start.o $(CHB_OBJ)/demo/bsp.o \
	$(A32_COMMON_OBJS) \
	$(CHB_DEMO_KOBJS) $(CHB_OBJ)/chibios-demo.o
$(CHB_OBJ)/demo/rt/%.o: $(CHIBIOS_DIR)/os/rt/src/%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -DCHIBIOS_DEMO -c $< -o $@
$(CHB_OBJ)/demo/oslib/%.o: $(CHIBIOS_DIR)/os/oslib/src/%.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -DCHIBIOS_DEMO -c $< -o $@
$(CHB_OBJ)/demo/port/chcore.o: $(CHIBIOS_DIR)/os/common/ports/ARM/chcore.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -DCHIBIOS_DEMO -c $< -o $@
$(CHB_OBJ)/demo/port/chcoreasm.o: $(CHIBIOS_DIR)/os/common/ports/ARM/compilers/GCC/chcoreasm.S $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_UP_CFLAGS) -DCHIBIOS_DEMO -c $< -o $@
$(CHB_OBJ)/demo/bsp.o: $(CHB_DIR)/bsp.c $(CHB_HDRS)
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -DCHIBIOS_DEMO -c $< -o $@
$(CHB_OBJ)/chibios-demo.o: $(CHB_DIR)/demo.c $(CHB_HDRS) include/warden/rtos.h \
		include/warden/rtos_stats.h
	@mkdir -p $(dir $@)
	$(A32_CC) $(CHB_CFLAGS) -DCHIBIOS_DEMO -c $< -o $@
$(INMATE_OUT)/chibios-demo.elf: $(CHB_DEMO_OBJS) $(A32_LDS)
	$(A32_CC) $(CHB_CFLAGS) $(A32_LDFLAGS) -o $@ $(CHB_DEMO_OBJS) -lc -lgcc

CHB_IMAGES := chibios-test chibios-fault chibios-idle chibios-demo
.SECONDARY: $(CHB_UP_OBJS) $(CHB_BSP_OBJS) $(CHB_DEMO_OBJS) \
	$(patsubst %,$(CHB_OBJ)/%.o,$(CHB_IMAGES))

$(INMATE_OUT)/chibios-%.elf: $(CHB_OBJ)/chibios-%.o $(CHB_BSP_OBJS) \
		$(CHB_UP_OBJS) $(A32_LDS)
	$(A32_CC) $(CHB_CFLAGS) $(A32_LDFLAGS) -o $@ $(CHB_BSP_OBJS) \
		$(CHB_UP_OBJS) $< -lc -lgcc
$(INMATE_OUT)/chibios-%.bin: $(INMATE_OUT)/chibios-%.elf
	$(A32_CROSS)objcopy -O binary $< $@

CHB_ELFS := $(patsubst %,$(INMATE_OUT)/%.elf,$(CHB_IMAGES))
CHB_BINS := $(CHB_ELFS:.elf=.bin)
ALL_TARGETS += $(CHB_ELFS) $(CHB_BINS)
inmates: $(CHB_ELFS) $(CHB_BINS)
chibios: $(CHB_ELFS) $(CHB_BINS)

else

chibios:
	@echo "chibios: needs arm-none-eabi-gcc and the ChibiOS sources;" \
		"set CHIBIOS_DIR=<ChibiOS ver21.11.x> (inmates/chibios/README.md)"
	@false

endif
