// SPDX-License-Identifier: GPL-2.0
/*
 * echo: the inmate side of the shared-memory demo (cells/arm64/echo.c,
 * include/warden/shm_echo.h). Waits for its doorbell; for each new
 * request in the shared page it writes the request upper-cased as the
 * answer and rings the root back. A request flagged WD_ECHO_FAIL makes
 * it touch memory it does not have, so the e2e test sees a peer fail
 * mid-exchange.
 */
#include <inmate/boot.h>
#include <inmate/gic.h>
#include <inmate/printf.h>
#include <inmate/shm.h>
#include <inmate/sysreg.h>
#include <warden/shm_echo.h>

#define ECHO_SHM_IPA 0x50000000ul /* cells/arm64/echo.c mem[2] */
#define ECHO_DOORBELL 225 /* cells/arm64/echo.c links[0] */
#define ECHO_ROOT_ID 0
#define ECHO_NOWHERE 0x60000000ul /* mapped by nothing in the cell */

static volatile u64 rings;

static void on_doorbell(unsigned int intid, u64 entry_ticks)
{
	(void)intid, (void)entry_ticks;
	rings++;
}

#define PMU_INST_RETIRED 0x08
#define PMEVTYPER_NO_EL1 (1ul << 31) /* P */
#define PMEVTYPER_NO_EL0 (1ul << 30) /* U */
#define PMEVTYPER_EL2 (1ul << 27) /* NSH */

/*
 * Counter 0 counts the instructions this CPU runs at EL2: Warden's cost
 * of the doorbells, reported to the root in the shared page.
 */
static bool pmu_el2_init(void)
{
	if (!(read_sysreg(pmceid0_el0) & (1ul << PMU_INST_RETIRED)))
		return false;
	write_sysreg(pmevtyper0_el0, PMU_INST_RETIRED | PMEVTYPER_NO_EL1 |
					     PMEVTYPER_NO_EL0 | PMEVTYPER_EL2);
	write_sysreg(pmcntenset_el0, 1ul);
	write_sysreg(pmcr_el0, read_sysreg(pmcr_el0) | 1ul);
	isb();
	return true;
}

static bool pmu_ok;

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Device memory (MMU off): byte accesses, in program order. */
static void answer(volatile struct wd_echo_shm *shm, u32 seq)
{
	u32 len = shm->request_len, i;

	if (len > WD_ECHO_TEXT_MAX)
		len = WD_ECHO_TEXT_MAX;
	for (i = 0; i < len; i++)
		shm->answer[i] = upper(shm->request[i]);
	shm->answer_len = len;
	if (pmu_ok)
		shm->echo_el2_insns = read_sysreg(pmevcntr0_el0);
	dsb_sy();
	shm->answer_seq = seq;
	dsb_sy();
}

static void serve(volatile struct wd_echo_shm *shm)
{
	u32 seq = shm->request_seq;
	long ret;

	if (seq == shm->answer_seq)
		return; /* a ring with nothing new: a peer changed state */
	dsb_sy();
	if (shm->request_flags & WD_ECHO_FAIL) {
		printf("echo: failing on request, as asked\n");
		(void)*(volatile u32 *)ECHO_NOWHERE;
	}
	answer(shm, seq);
	ret = shm_ring(WD_ECHO_LINK, ECHO_ROOT_ID);
	if (ret < 0)
		printf("echo: ring back failed (%ld)\n", ret);
}

void inmate_main(void)
{
	volatile struct wd_echo_shm *shm = (void *)ECHO_SHM_IPA;
	u64 seen = 0;

	printf("\necho: shared memory at 0x%lx, doorbell %u\n", ECHO_SHM_IPA,
	       ECHO_DOORBELL);
	if (gic_init() || shm_doorbell_request(ECHO_DOORBELL, on_doorbell)) {
		printf("echo: FAIL cannot take doorbell %u\n", ECHO_DOORBELL);
		inmate_halt();
	}
	irq_enable();
	pmu_ok = pmu_el2_init();
	printf("echo: ready, %ld peer(s) running, EL2 instruction count %s\n",
	       shm_peers_running(WD_ECHO_LINK), pmu_ok ? "on" : "off");
	for (;;) {
		/* The handler only counts: a ring that arrives while serving
		 * is seen on the next pass, never lost. */
		irq_disable();
		if (rings == seen)
			wait_for_interrupt();
		irq_enable();
		seen = rings;
		serve(shm);
	}
}
