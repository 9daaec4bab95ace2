# FreeRTOS in a cell (inmates/freertos/README.md), included from
# inmates/build.mk. Our code is the BSP only; the kernel and the demo tasks
# come from a checkout of the upstream release the user points at:
#   FREERTOS_DIR=      FreeRTOS-Kernel (V11.1.0)
#   FREERTOS_DEMO_DIR= the FreeRTOS distribution's FreeRTOS/Demo/Common
# Both default to ../shared/third_party/... beside the checkout (or one
# level up, for a git worktree) when present. Without them the FreeRTOS
# images are simply not built and `make freertos` says what to set; the
# `freertos` scenario then skips with a line saying so.
#
# Images, one per GIC since the port is chosen at compile time
# (ARM_AARCH64: GICv2, memory-mapped CPU interface; ARM_AARCH64_SRE:
# GICv3 system registers):
#   freertos-test-gicv2/3   the standard demo tasks and the check task
#   freertos-fault-gicv2/3  the same plus a task writing outside the cell
#   freertos-idle-gicv2/3   the kernel alone: the idle cost of the tick
#   freertos-demo-gicv2/3   the cell config's real-time task set as
#                           FreeRTOS tasks, statistics in the comm page
#   freertos-*-gicv3-direct the four for a direct-IRQ cell (GICv3)

freertos_find = $(firstword $(wildcard $(TOP)/../shared/third_party/$(1) \
	$(TOP)/../../shared/third_party/$(1)))
FREERTOS_DIR ?= $(call freertos_find,FreeRTOS-Kernel)
FREERTOS_DEMO_DIR ?= $(call freertos_find,FreeRTOS-Demo-Common/FreeRTOS/Demo/Common)

FRT_DIR := inmates/freertos
FRT_OBJ := $(INMATE_OBJ)/freertos
FRT_HAVE := $(and $(wildcard $(FREERTOS_DIR)/tasks.c), \
	$(wildcard $(FREERTOS_DEMO_DIR)/Minimal/BlockQ.c))

.PHONY: freertos
ifneq ($(FRT_HAVE),)

FRT_KERNEL := tasks.c queue.c list.c timers.c event_groups.c \
	stream_buffer.c portable/MemMang/heap_4.c
FRT_DEMOS := AbortDelay BlockQ EventGroupsDemo GenQTest IntQueue IntSemTest \
	MessageBufferDemo PollQ QPeek QueueOverwrite QueueSet QueueSetPolling \
	StaticAllocation StreamBufferDemo StreamBufferInterrupt TaskNotify \
	TaskNotifyArray TimerDemo blocktim countsem death dynamic integer \
	recmutex semtest
FRT_PORT_gicv2 := ARM_AARCH64
FRT_PORT_gicv3 := ARM_AARCH64_SRE
FRT_DEFS_gicv2 :=
FRT_DEFS_gicv3 := -DFREERTOS_GICV3
# A direct-IRQ cell (GICv3): the SRE port with critical sections by DAIF
# (direct/portmacro.h, found before the port's own)
FRT_PORT_gicv3-direct := ARM_AARCH64_SRE
FRT_DEFS_gicv3-direct := -I$(TOP)/$(FRT_DIR)/direct -DFREERTOS_GICV3 \
	-DFREERTOS_DIRECT
FRT_EXTRA_gicv3-direct := direct_mask
FRT_GICS := gicv2 gicv3 gicv3-direct

# Upstream code keeps its own warnings: not -Werror (-Wextra finds unused
# parameters in the demos), and -Wno-cpp for the ARM_AARCH64 port's
# "guest under XEN is not a fully tested path" #warning under GUEST.
FRT_UPSTREAM_CFLAGS := $(filter-out -Werror -Wextra,$(INMATE_CFLAGS)) \
	-Wno-cpp
# GUEST: the ports' EL1 build. QEMU: skips the port's check that the tick
# runs at the lowest GIC priority (ICC_RPR), which does not hold in a
# trapping cell: Warden injects every virtual interrupt at priority 0xa0
# (README.md, "Interrupt priorities").
frt_incs = $(FRT_DEFS_$(1)) -DGUEST -DQEMU -I$(TOP)/$(FRT_DIR) \
	-I$(FREERTOS_DIR)/include -I$(TOP)/$(RT_ANALYSIS_DIR) \
	-I$(FREERTOS_DIR)/portable/GCC/$(FRT_PORT_$(1)) \
	-I$(FREERTOS_DEMO_DIR)/include
FRT_HDRS := $(wildcard $(FRT_DIR)/*.h) $(INMATE_HDRS) \
	include/warden/rtos.h include/warden/rtos_stats.h include/warden/rt_taskset.h $(RT_ANALYSIS_HDRS)
# freertos-demo: its files, and the schedulability analysis (lib/rt_analysis)
FRT_DEMO_SRCS := demo demo_task demo_stats demo_report
FRT_RTA_OBJS := $(patsubst $(RT_ANALYSIS_DIR)/%.c,$(FRT_OBJ)/rta/%.o, \
	$(RT_ANALYSIS_SRCS))
.SECONDARY: $(FRT_RTA_OBJS)
$(FRT_OBJ)/rta/%.o: $(RT_ANALYSIS_DIR)/%.c $(FRT_HDRS)
	@mkdir -p $(dir $@)
	$(INMATE_CC) $(INMATE_CFLAGS) -c $< -o $@

# $(1) = gicv2 or gicv3: the objects of one port
define frt_port
FRT_UP_OBJS_$(1) := $$(patsubst %.c,$(FRT_OBJ)/$(1)/kernel/%.o,$(FRT_KERNEL)) \
	$$(patsubst %,$(FRT_OBJ)/$(1)/demo/%.o,$(FRT_DEMOS)) \
	$(FRT_OBJ)/$(1)/port/port.o $(FRT_OBJ)/$(1)/port/portASM.o
FRT_BSP_OBJS_$(1) := $(FRT_OBJ)/$(1)/bsp.o $(FRT_OBJ)/$(1)/tick.o \
	$(FRT_OBJ)/$(1)/intq_timer.o \
	$(FRT_OBJ)/$(1)/vectors.o \
	$$(patsubst %,$(FRT_OBJ)/$(1)/%.o,$(FRT_EXTRA_$(1)))
.SECONDARY: $$(FRT_UP_OBJS_$(1)) $$(FRT_BSP_OBJS_$(1)) \
	$(FRT_OBJ)/$(1)/test.o $(FRT_OBJ)/$(1)/fault.o $(FRT_OBJ)/$(1)/idle.o

$(FRT_OBJ)/$(1)/kernel/%.o: $(FREERTOS_DIR)/%.c $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(FRT_UPSTREAM_CFLAGS) $$(call frt_incs,$(1)) -c $$< -o $$@
$(FRT_OBJ)/$(1)/demo/%.o: $(FREERTOS_DEMO_DIR)/Minimal/%.c $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(FRT_UPSTREAM_CFLAGS) $$(call frt_incs,$(1)) -DFRT_DEMO -c $$< -o $$@
$(FRT_OBJ)/$(1)/port/port.o: $(FREERTOS_DIR)/portable/GCC/$(FRT_PORT_$(1))/port.c $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(FRT_UPSTREAM_CFLAGS) $$(call frt_incs,$(1)) -c $$< -o $$@
$(FRT_OBJ)/$(1)/port/portASM.o: $(FREERTOS_DIR)/portable/GCC/$(FRT_PORT_$(1))/portASM.S $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(FRT_UPSTREAM_CFLAGS) $$(call frt_incs,$(1)) -D__ASSEMBLER__ -c $$< -o $$@
$(FRT_OBJ)/$(1)/%.o: $(FRT_DIR)/%.c $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(INMATE_CFLAGS) $$(call frt_incs,$(1)) -c $$< -o $$@
$(FRT_OBJ)/$(1)/vectors.o: $(FRT_DIR)/vectors.S $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(INMATE_CFLAGS) -D__ASSEMBLER__ -c $$< -o $$@
$(FRT_OBJ)/$(1)/fault.o: $(FRT_DIR)/test.c $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(INMATE_CFLAGS) $$(call frt_incs,$(1)) -DFREERTOS_FAULT -c $$< -o $$@
$(FRT_OBJ)/$(1)/idle.o: $(FRT_DIR)/test.c $(FRT_HDRS)
	@mkdir -p $$(dir $$@)
	$(INMATE_CC) $(INMATE_CFLAGS) $$(call frt_incs,$(1)) -DFREERTOS_IDLE -c $$< -o $$@

$(INMATE_OUT)/freertos-test-$(1).elf: $(FRT_OBJ)/$(1)/test.o
$(INMATE_OUT)/freertos-fault-$(1).elf: $(FRT_OBJ)/$(1)/fault.o
$(INMATE_OUT)/freertos-idle-$(1).elf: $(FRT_OBJ)/$(1)/idle.o
FRT_DEMO_OBJS_$(1) := $$(patsubst %,$(FRT_OBJ)/$(1)/%.o,$(FRT_DEMO_SRCS))
.SECONDARY: $$(FRT_DEMO_OBJS_$(1))
$(INMATE_OUT)/freertos-demo-$(1).elf: $$(FRT_DEMO_OBJS_$(1)) $(FRT_RTA_OBJS)
$(INMATE_OUT)/freertos-test-$(1).elf $(INMATE_OUT)/freertos-fault-$(1).elf \
		$(INMATE_OUT)/freertos-idle-$(1).elf \
		$(INMATE_OUT)/freertos-demo-$(1).elf: \
		$$(FRT_UP_OBJS_$(1)) $$(FRT_BSP_OBJS_$(1)) $(INMATE_LIB_OBJS) $(INMATE_LDS)
	$(INMATE_CC) $(INMATE_CFLAGS) $(INMATE_LDFLAGS) -o $$@ \
		$(INMATE_LIB_OBJS) $$(FRT_BSP_OBJS_$(1)) $$(FRT_UP_OBJS_$(1)) \
		$$(filter $(FRT_OBJ)/$(1)/test.o $(FRT_OBJ)/$(1)/fault.o \
			$(FRT_OBJ)/$(1)/idle.o $$(FRT_DEMO_OBJS_$(1)) \
			$(FRT_RTA_OBJS),$$^) -lgcc
endef
$(foreach g,$(FRT_GICS),$(eval $(call frt_port,$(g))))

FRT_ELFS := $(foreach g,$(FRT_GICS),$(INMATE_OUT)/freertos-test-$(g).elf \
	$(INMATE_OUT)/freertos-fault-$(g).elf $(INMATE_OUT)/freertos-idle-$(g).elf \
	$(INMATE_OUT)/freertos-demo-$(g).elf)
FRT_BINS := $(FRT_ELFS:.elf=.bin)
ALL_TARGETS += $(FRT_ELFS) $(FRT_BINS)
inmates: $(FRT_ELFS) $(FRT_BINS)
freertos: $(FRT_ELFS) $(FRT_BINS)

else

freertos:
	@echo "freertos: FreeRTOS sources not found; set FREERTOS_DIR=<FreeRTOS-Kernel V11.1.0>" \
		"and FREERTOS_DEMO_DIR=<FreeRTOS/Demo/Common> (inmates/freertos/README.md)"
	@false

endif
