# x86-64 inmates (Documentation/inmate-abi.md, x86 section), built with the
# native gcc: out/x86/inmates/NAME.bin is the multiboot image that QEMU
# -kernel boots bare metal and `warden cell load` copies to GPA 1 MiB;
# NAME.elf is the same link, for debugging. The portable parts of
# inmates/lib (printf, format, strings, console, hypercall console) are
# shared with arm64; inmates/lib/x86/include comes first on the include
# path and stands in for the arm64 headers of the same name.

X86_INMATE_OUT := $(OUT)/x86/inmates
X86_INMATE_OBJ := $(X86_INMATE_OUT)/obj
X86_INMATE_CC ?= gcc
X86_INMATE_OBJCOPY ?= objcopy

X86_INMATE_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -m64 \
	-ffreestanding -nostdlib -mno-red-zone -mgeneral-regs-only \
	-fno-pic -fno-pie -fno-stack-protector -fcf-protection=none \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-ffunction-sections -fdata-sections \
	-I$(TOP)/inmates/lib/x86/include -I$(TOP)/inmates/lib/include \
	-I$(TOP)/include
X86_INMATE_LDS := $(TOP)/inmates/lib/x86/inmate.lds
X86_INMATE_LDFLAGS := -nostdlib -static -no-pie -T $(X86_INMATE_LDS) \
	-Wl,--gc-sections -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
	-Wl,-z,max-page-size=4096 -Wl,-z,noexecstack

X86_INMATE_SHARED := console format printf string hypercall_console delay \
	tick_latency
X86_INMATE_LIB_SRCS := $(wildcard inmates/lib/x86/*.c inmates/lib/x86/*.S) \
	$(patsubst %,inmates/lib/%.c,$(X86_INMATE_SHARED))
X86_INMATE_LIB_OBJS := $(patsubst inmates/lib/%,$(X86_INMATE_OBJ)/lib/%.o, \
	$(X86_INMATE_LIB_SRCS))
X86_INMATE_HDRS := $(wildcard inmates/lib/x86/include/inmate/*.h \
	inmates/lib/include/inmate/*.h) include/warden/hypercall.h

# One fault binary per case, all from demos/x86/fault.c (FAULT_CASE).
X86_INMATE_FAULTS := oob-read oob-write mmio undef ioport msr triple \
	vmmcall-flood ipi-init ipi-fixed
X86_INMATE_DEMOS := hello timer latency \
	$(addprefix fault-,$(X86_INMATE_FAULTS))
X86_INMATE_ELFS := $(patsubst %,$(X86_INMATE_OUT)/%.elf,$(X86_INMATE_DEMOS))
X86_INMATE_BINS := $(X86_INMATE_ELFS:.elf=.bin)
ALL_TARGETS += $(X86_INMATE_ELFS) $(X86_INMATE_BINS)
.SECONDARY: $(X86_INMATE_LIB_OBJS) \
	$(patsubst %,$(X86_INMATE_OBJ)/demos/%.o,$(X86_INMATE_DEMOS))

$(X86_INMATE_OBJ)/lib/%.c.o: inmates/lib/%.c $(X86_INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) -c $< -o $@

$(X86_INMATE_OBJ)/lib/%.S.o: inmates/lib/%.S $(X86_INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(X86_INMATE_OBJ)/demos/%.o: inmates/demos/x86/%.c $(X86_INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) -c $< -o $@

$(X86_INMATE_OBJ)/demos/fault-%.o: inmates/demos/x86/fault.c $(X86_INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) -DFAULT_CASE='"$*"' -c $< -o $@

# The latency inmate is the portable demos/latency.c (the one `make
# bench` measures on arm64) with its x86 part.
$(X86_INMATE_OBJ)/demos/latency.o: inmates/demos/latency.c \
		inmates/demos/latency.h $(X86_INMATE_HDRS)
	@mkdir -p $(dir $@)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) -c $< -o $@
$(X86_INMATE_OUT)/latency.elf: X86_INMATE_EXTRA = \
	$(X86_INMATE_OBJ)/demos/latency_x86.o
$(X86_INMATE_OUT)/latency.elf: $(X86_INMATE_OBJ)/demos/latency_x86.o

$(X86_INMATE_OUT)/%.elf: $(X86_INMATE_OBJ)/demos/%.o $(X86_INMATE_LIB_OBJS) \
		$(X86_INMATE_LDS)
	$(X86_INMATE_CC) $(X86_INMATE_CFLAGS) $(X86_INMATE_LDFLAGS) -o $@ \
		$(X86_INMATE_LIB_OBJS) $< $(X86_INMATE_EXTRA)

$(X86_INMATE_OUT)/%.bin: $(X86_INMATE_OUT)/%.elf
	$(X86_INMATE_OBJCOPY) -O binary $< $@

.PHONY: inmates-x86 inmates-x86-test-qemu
inmates-x86: $(X86_INMATE_ELFS) $(X86_INMATE_BINS)
# (inmates/rtos/x86.mk adds the RTOS images to the prerequisites.)
inmates-x86-test-qemu: $(X86_INMATE_BINS) $(X86_INMATE_ELFS)
	bash inmates/tests/run-baremetal-x86.sh $(X86_INMATE_OUT)
	bash inmates/rtos/tests/run-baremetal.sh $(X86_INMATE_OUT) x86
# `make inmates-test-qemu` (in `make test`) runs the x86 ones too.
inmates-test-qemu: inmates-x86-test-qemu
