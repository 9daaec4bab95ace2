// SPDX-License-Identifier: GPL-2.0
/*
 * hcfuzz: HCFUZZ_CALLS hypercalls (set by the build) with pseudo-random
 * function IDs and arguments, then a summary of what came back. IDs are
 * mostly Warden's (0xc6000000..0xc600001f, past the table too), some
 * PSCI, some Linux stub IDs, some anything; never one whose purpose is
 * to stop the caller (PSCI CPU_OFF/CPU_SUSPEND, WD_HC_CELL_FAULT).
 * Arguments include addresses of this cell's RAM, the other cells', the
 * root's and the hypervisor's, cell IDs and huge values. Warden must answer each with a value, never
 * fault, and leave every other cell (and this one's memory) alone.
 *
 * Pacing: more than 1000 failed calls in one second fail a cell (a flood,
 * hypervisor/cell_fail.c). The fuzzer stays under it so that it exercises
 * the handlers rather than the flood guard: it makes at most BATCH_BAD
 * failed calls per batch and each batch lasts at least BATCH_NS, so any
 * one-second window sees at most two batches' worth.
 */
#include <inmate/boot.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/timer.h>
#include <qemu-virt-board.h>

#ifndef HCFUZZ_CALLS
#define HCFUZZ_CALLS 10000ul
#endif

#define BATCH_BAD 450
#define BATCH_NS 1050000000ull

/* Physical layout of the shipped configs (the board header) */
#define OWN_RAM_IPA ((unsigned long long)QEMU_VIRT_GUEST_RAM)
#define CELL_RAM_SIZE ((unsigned long long)QEMU_VIRT_CELL_RAM_SIZE)
#define DEMO_RAM_PA ((unsigned long long)QEMU_VIRT_CELL_RAM0)
#define DEMO2_RAM_PA ((unsigned long long)QEMU_VIRT_CELL_RAM1)
#define ROOT_RAM_PA 0x50000000ull /* somewhere in the root's RAM */
#define HYPERVISOR_PA ((unsigned long long)QEMU_VIRT_HV_BASE)

#define PSCI_BASE 0x84000000ull
#define PSCI_SMC64 0x40000000ull
#define PSCI_CPU_SUSPEND 1
#define PSCI_CPU_OFF 2
#define PSCI_SYSTEM_OFF 8
#define PSCI_SYSTEM_RESET 9

/* Filled before and checked after: no call may write into it. */
#define PATTERN_WORDS 4096
static u64 pattern[PATTERN_WORDS];

static u64 rng_state;

/* xorshift64*: small and good enough to spread IDs and arguments. */
static u64 rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static u64 pattern_word(unsigned int i)
{
	return 0x9e3779b97f4a7c15ull * (i + 1);
}

static void pattern_fill(void)
{
	for (unsigned int i = 0; i < PATTERN_WORDS; i++)
		pattern[i] = pattern_word(i);
}

static unsigned int pattern_damage(void)
{
	unsigned int bad = 0;

	for (unsigned int i = 0; i < PATTERN_WORDS; i++)
		bad += pattern[i] != pattern_word(i);
	return bad;
}

static u64 random_arg(void)
{
	u64 r = rng();
	u64 off = (r >> 8) % CELL_RAM_SIZE;

	switch (r % 12) {
	case 0:
		return 0;
	case 1:
		return (r >> 8) % 64; /* cell IDs, selectors, CPUs, stats */
	case 2:
		return OWN_RAM_IPA + off;
	case 3:
		return (u64)(uintptr_t)pattern + (off % sizeof(pattern));
	case 4:
		return DEMO2_RAM_PA + off;
	case 5:
		return DEMO_RAM_PA + off;
	case 6:
		return ROOT_RAM_PA + off;
	case 7:
		return HYPERVISOR_PA + off;
	case 8:
		return ~0ull - (r >> 60);
	case 9:
		return 1ull << ((r >> 8) % 64);
	default:
		return rng();
	}
}

/*
 * PSCI minus CPU_OFF, CPU_SUSPEND, SYSTEM_OFF and SYSTEM_RESET, which
 * would stop the fuzzer (a cell's SYSTEM_OFF/RESET shuts the cell down).
 */
static u64 random_psci_id(u64 r)
{
	u64 fn = (r >> 8) % 0x20;

	if (fn == PSCI_CPU_OFF || fn == PSCI_CPU_SUSPEND ||
	    fn == PSCI_SYSTEM_OFF || fn == PSCI_SYSTEM_RESET)
		fn = 0;
	return PSCI_BASE + fn + ((r >> 16) & 1 ? PSCI_SMC64 : 0);
}

/*
 * WD_HC_CELL_FAULT is how a cell fails itself on purpose (the inmate
 * library's exception report): like CPU_OFF it would stop the fuzzer.
 * Its stand-in is the first ID past the table.
 */
static u64 spare_fuzzer(u64 id)
{
	return id == WD_HC_CELL_FAULT ? WD_HC(WD_HC_COUNT) : id;
}

static u64 random_warden_id(bool *psci)
{
	u64 r = rng();

	*psci = false;
	switch (r % 16) {
	case 0:
		*psci = true;
		return random_psci_id(r);
	case 1:
		return (r >> 8) % 8; /* Linux hyp stub IDs and just above */
	case 2:
		return rng();
	case 3:
		return WD_HC_BASE + ((r >> 8) & 0xffff);
	default:
		return WD_HC_BASE + ((r >> 8) % 0x20);
	}
}

static u64 random_id(bool *psci)
{
	return spare_fuzzer(random_warden_id(psci));
}

/*
 * Non-root output must stay readable: a valid character is never sent,
 * nor a buffer in this cell's RAM (the one place CONSOLE_WRITE reads):
 * it moves just past the RAM's end, where Warden must refuse it.
 */
static u64 tame_arg1(u64 id, u64 a1)
{
	if (id == WD_HC_CONSOLE_PUTC && a1 <= 0xff)
		return a1 | 0x100;
	if (id == WD_HC_CONSOLE_WRITE && a1 >= OWN_RAM_IPA &&
	    a1 - OWN_RAM_IPA < CELL_RAM_SIZE)
		return OWN_RAM_IPA + CELL_RAM_SIZE;
	return a1;
}

#define MAX_RESULTS 16
#define RESULTS_PER_LINE 6 /* a cell's console line is short */

/* How often each return value came back, for one kind of call. */
struct histogram {
	const char *name;
	long value[MAX_RESULTS];
	u64 count[MAX_RESULTS];
	u64 other; /* values past the first MAX_RESULTS distinct ones */
};

static struct histogram warden_results = {.name = "hvc"};
static struct histogram psci_results = {.name = "psci"};

static void count_result(struct histogram *h, long value)
{
	for (unsigned int i = 0; i < MAX_RESULTS; i++) {
		if (h->count[i] && h->value[i] != value)
			continue;
		h->value[i] = value;
		h->count[i]++;
		return;
	}
	h->other++;
}

/* "value:count" pairs, a few per line, then the values not counted. */
static void print_results(const struct histogram *h)
{
	unsigned int i;

	for (i = 0; i < MAX_RESULTS && h->count[i]; i++) {
		if (i % RESULTS_PER_LINE == 0)
			printf("%shcfuzz: %s results:", i ? "\n" : "", h->name);
		printf(" %ld:%lu", h->value[i], h->count[i]);
	}
	printf("%shcfuzz: %s results not counted: %lu\n", i ? "\n" : "",
	       h->name, h->other);
}

/* Wait out the batch once it holds BATCH_BAD failed calls. */
static void pace(unsigned int *bad, u64 *batch_start)
{
	if (*bad < BATCH_BAD)
		return;
	inmate_sleep_until(*batch_start + timer_ns_to_ticks(BATCH_NS));
	*batch_start = timer_now();
	*bad = 0;
}

static bool is_failure(bool psci, long ret)
{
	return !psci && (ret < 0 || (u64)ret == WD_STUB_ERR);
}

static void fuzz(u64 calls)
{
	u64 batch_start = timer_now();
	unsigned int bad = 0;
	bool psci;

	for (u64 n = 1; n <= calls; n++) {
		u64 id = random_id(&psci);
		u64 a1 = tame_arg1(id, random_arg());
		long ret = hypercall(id, a1, random_arg(), random_arg());

		count_result(psci ? &psci_results : &warden_results, ret);
		bad += is_failure(psci, ret);
		pace(&bad, &batch_start);
		if (n % (calls / 10 ? calls / 10 : 1) == 0)
			printf("hcfuzz: %lu calls\n", n);
	}
}

void inmate_main(void)
{
	u64 start = timer_now();
	unsigned int damage;

	rng_state = start | 1;
	printf("\nhcfuzz: %lu hypercalls, seed 0x%lx\n", HCFUZZ_CALLS,
	       rng_state);
	pattern_fill();
	fuzz(HCFUZZ_CALLS);
	print_results(&warden_results);
	print_results(&psci_results);
	damage = pattern_damage();
	printf("hcfuzz: pattern %s (%u of %u words changed)\n",
	       damage ? "DAMAGED" : "intact", damage, PATTERN_WORDS);
	printf("hcfuzz: %s: %lu calls in %lu ms\n", damage ? "FAIL" : "PASS",
	       HCFUZZ_CALLS, timer_ticks_to_ns(timer_now() - start) / 1000000);
}
