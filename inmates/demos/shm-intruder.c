// SPDX-License-Identifier: GPL-2.0
/*
 * shm-intruder: a cell that is no peer of link 1 (cells/arm64/
 * shm-intruder.c declares no link) tries to use it. Ringing must fail;
 * then it reads the link's memory at its physical address, which its
 * stage 2 does not map: Warden must fail the cell. If the read returns,
 * isolation is broken and it says so.
 */
#include <inmate/boot.h>
#include <inmate/printf.h>
#include <inmate/shm.h>
#include <warden/shm_echo.h>

#include <qemu-virt-board.h>

#define SHM_PHYS ((unsigned long)QEMU_VIRT_LINK1_MEM) /* the root's link */

void inmate_main(void)
{
	long ret = shm_ring(WD_ECHO_LINK, WD_DOORBELL_ALL_PEERS);

	printf("\nshm-intruder: ring link %u: %ld (%s)\n", WD_ECHO_LINK, ret,
	       ret < 0 ? "refused" : "FAIL: accepted");
	ret = shm_peers_running(WD_ECHO_LINK);
	printf("shm-intruder: link state: %ld (%s)\n", ret,
	       ret < 0 ? "refused" : "FAIL: answered");
	printf("shm-intruder: reading 0x%lx\n", SHM_PHYS);
	ret = *(volatile u32 *)SHM_PHYS;
	printf("shm-intruder: FAIL read 0x%lx returned %ld\n", SHM_PHYS, ret);
	inmate_halt();
}
