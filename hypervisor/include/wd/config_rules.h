/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the config checker: the door between its common rules
 * (hypervisor/config.c) and the rules of one arch (arch/<arch>/
 * config_rules.c). Every build of the checker (Warden, driver, CLI, unit
 * tests, fuzzer) compiles config.c and every arch's rules file: the tools
 * check any arch's blobs. config.c picks the rules by wd_header.arch.
 *
 * Trust: as in wd/config_check.h. The hooks run only on blobs whose
 * layout was checked, so the accessors are safe; every value in a blob is
 * still a claim, never trusted as an offset or a size before it is checked.
 */
#ifndef WD_CONFIG_RULES_H
#define WD_CONFIG_RULES_H

#include <warden/config.h>

/* The checker's state: whom violations go to, which cell they are about. */
struct checker;

/*
 * Reports one violation of field[index] (-1: none): code (warden/config_codes.h)
 * and the values its message shows, each a wd_u64; a string goes in as
 * WDC_S(pointer). No format strings: the text is the tools' business.
 */
void wdc_report(struct checker *ck, const char *field, int index,
		unsigned int code_args, const wd_u64 *arg);
/* The same about no index (-1): half the calls, an argument less. */
void wdc_report_field(struct checker *ck, const char *field,
		      unsigned int code_args, const wd_u64 *arg);
#define WDC_S(str) ((wd_u64)(unsigned long)(str))
/*
 * code_args: the code in bits 0-7, the number of values above them: two
 * constants in one immediate, an instruction less at each of the
 * checker's hundred call sites in Warden (issue 17).
 */
#define WDC_ARGS_SHIFT 8
#define WDC_NUM_ARGS(...) \
	((unsigned int)(sizeof((wd_u64[]){__VA_ARGS__}) / sizeof(wd_u64)))
#define WDC_CODE_ARGS(code, ...) \
	((code) | WDC_NUM_ARGS(__VA_ARGS__) << WDC_ARGS_SHIFT)
#define wdc_violation(ck, field, index, code, ...)                    \
	((__builtin_constant_p(index) && (index) == -1)               \
		 ? wdc_report_field(ck, field,                        \
				    WDC_CODE_ARGS(code, __VA_ARGS__), \
				    (const wd_u64[]){__VA_ARGS__})    \
		 : wdc_report(ck, field, index,                       \
			      WDC_CODE_ARGS(code, __VA_ARGS__),       \
			      (const wd_u64[]){__VA_ARGS__}))

/* 1 if two non-empty ranges share a byte (hostile sizes saturate). */
int wdc_ranges_overlap(wd_u64 a, wd_u64 a_size, wd_u64 b, wd_u64 b_size);
/* CPUs the platform says exist, clamped to WD_MAX_CPUS. */
unsigned int wdc_platform_cpus(const struct wd_platform *p);

/* A region or a device (an IO region mapped 1:1) of a cell. */
struct wdc_resource {
	const char *field; /* "mem" or "devices" */
	int index;
	wd_u64 phys;
	wd_u64 ipa;
	wd_u64 size; /* coloured: in guest-physical space only */
	wd_u32 flags; /* WD_MEM_* */
	int coloured;
};

/* An interrupt line a cell claims: in irqs[] or a device's irq. */
struct wdc_irq {
	const char *field; /* "irqs" or "devices" */
	int index;
	wd_u32 intid;
	int optional; /* a device's irq: 0 means none */
};

unsigned int wdc_irq_count(const struct wd_cell *c);
void wdc_irq_get(const struct wd_cell *c, unsigned int i, struct wdc_irq *ref);

/*
 * One arch's rules. Each hook reports through wdc_violation() and may be
 * called for the root (is_root) and the other cells alike.
 */
struct wdc_arch_rules {
	/* The arch part of the platform (system blobs). */
	void (*platform)(struct checker *ck, const struct wd_system *sys);
	/* Interrupt numbers and flags of one cell, without the platform. */
	void (*cell_alone)(struct checker *ck, const struct wd_cell *c,
			   int is_root);
	/* One cell's interrupts and flags against the platform. */
	void (*cell_in_system)(struct checker *ck, const struct wd_cell *c,
			       const struct wd_system *sys);
	/* One region or device against what the arch keeps for Warden. */
	void (*resource)(struct checker *ck, const struct wdc_resource *r,
			 const struct wd_system *sys);
};

extern const struct wdc_arch_rules wdc_arm64_rules;
extern const struct wdc_arch_rules wdc_x86_rules;
/*
 * The rules for arch in this build, or 0: every arch's in the tools, the
 * driver and the tests (lib/config_rules/all.c), Warden's own in Warden
 * (arch/<arch>/config_rules_own.c).
 */
const struct wdc_arch_rules *wdc_arch_rules_of(wd_u32 arch);

#endif
