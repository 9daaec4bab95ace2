// SPDX-License-Identifier: GPL-2.0
/*
 * Shared-memory links: doorbells through Warden's hypercalls, and the
 * doorbell SPI made edge-triggered (Documentation/ivshmem.md).
 */
#include <inmate/errno.h>
#include <inmate/hypercall.h>
#include <inmate/mmio.h>
#include <inmate/platform.h>
#include <inmate/shm.h>

#define GICD_ICFGR 0xc00
#define ICFGR_EDGE 2u

long shm_ring(u32 link, u64 target)
{
	return hypercall(WD_HC_DOORBELL, link, target, 0);
}

long shm_peers_running(u32 link)
{
	return hypercall(WD_HC_LINK_STATE, link, 0, 0);
}

/*
 * A doorbell is a pending bit Warden sets, with no line behind it: edge
 * is what it is. (A level SPI would work too, since acknowledging clears
 * a software-set pending bit, but says the wrong thing.)
 */
static void set_edge(unsigned int intid)
{
	uintptr_t reg = PLATFORM_GICD_BASE + GICD_ICFGR + intid / 16 * 4;
	unsigned int shift = intid % 16 * 2;

	mmio_write32(reg, mmio_read32(reg) | ICFGR_EDGE << shift);
}

int shm_doorbell_request(unsigned int doorbell_irq, irq_handler handler)
{
	if (doorbell_irq < 32)
		return -EINVAL;
	set_edge(doorbell_irq);
	return irq_request(doorbell_irq, handler);
}
