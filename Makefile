# Warden top-level build. Outputs go to out/, downloads to .cache/.
# Each part has its own fragment (*/build.mk) that adds to ALL_TARGETS.
.DEFAULT_GOAL := all
TOP := $(CURDIR)
OUT := $(TOP)/out
CACHE := $(TOP)/.cache
CROSS ?= aarch64-linux-gnu-
KDIR ?= $(CACHE)/arm64/kdir
HOSTCC ?= gcc
HOST_CFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -I$(TOP)/include -I$(TOP)/hypervisor/include
ALL_TARGETS :=
# The config checker's arch rules (wd/config_rules.h): built wherever
# hypervisor/config.c is, so every tool checks every arch's blobs.
CHECKER_ARCH_SRCS := arch/arm64/config_rules.c arch/x86/config_rules.c \
	lib/config_rules/all.c

include lib/rt_analysis/build.mk
include lib/config_text/build.mk
include configs/build.mk
include inmates/build.mk
include tools/build.mk
include driver/build.mk
include hypervisor/build.mk
include arch/x86/build.mk
include tests/build.mk
include bench/build.mk

.PHONY: all setup demo demo-linux run run-x86 test test-unit test-core test-e2e format format-check clean
all: $(ALL_TARGETS)

# The products by the names the README gives (make out/host/warden): the
# rules are written for $(OUT)/..., an absolute path make does not match
# against a relative goal.
$(patsubst $(TOP)/%,%,$(ALL_TARGETS)): %: $(TOP)/%
	@:

setup:
	@bash ci/setup.sh

# ARCH=x86: the x86 walk-through on QEMU q35 (ci/demo-x86.sh).
demo: setup
	@$(MAKE) --no-print-directory all
	@if [ "$(ARCH)" = x86 ]; then bash ci/demo-x86.sh; else bash ci/demo.sh; fi

# EXTRA=DIR: DIR goes into the image as /extra; /extra/boot.sh runs at
# boot (Documentation/testing.md). GIC=2 boots the GICv2 machine.
EXTRA ?=
GIC ?= 3
run: all
	@WARDEN_EXTRA="$(if $(EXTRA),$(abspath $(EXTRA)))" bash ci/mkinitrd.sh >/dev/null
	@bash ci/run-qemu.sh --interactive --gic $(GIC)

# The x86 machine (q35, AMD SVM): a shell in its root (Documentation/x86.md).
run-x86: all
	@bash ci/mkinitrd-x86.sh >/dev/null
	@bash ci/run-qemu-x86.sh --interactive

# The stock kernel booted in a Linux cell beside the root, its shell
# driven from the root (Documentation/linux-cell.md).
demo-linux: all
	@WARDEN_EXTRA=$(TOP)/ci/demo-linux bash ci/run-qemu.sh --linux-cell --timeout 300

test: test-unit test-core format-check size-check fuzz-smoke inmates-test-qemu \
	bench-smoke test-e2e

# With every third-party source found (and arm-none-eabi-gcc), a scenario
# that skips for want of them means a broken build: fail it.
test-e2e: export WARDEN_REQUIRE_THIRD_PARTY ?= $(if $(and $(CHB_HAVE),$(FRT_HAVE)),1,0)
test-e2e: all
	@bash ci/run-e2e

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	@clang-format -i $(FORMAT_FILES)
format-check:
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "format: clean"

clean:
	rm -rf $(OUT)
