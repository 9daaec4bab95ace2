/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared-memory links (Documentation/ivshmem.md): the cell's config maps
 * the link's memory at an address the inmate knows (its config's
 * virt_start) and gives it a doorbell SPI. These helpers ring peers,
 * ask how many of them run, and take the doorbell interrupt.
 */
#ifndef INMATE_SHM_H
#define INMATE_SHM_H

#include <inmate/irq.h>
#include <inmate/types.h>
#include <warden/hypercall.h> /* WD_DOORBELL_ALL_PEERS */

/* Rings link's peer cell target (WD_DOORBELL_ALL_PEERS: every peer).
 * Peers rung (> 0), -ENOENT (no such link or peer), -EAGAIN (none runs). */
long shm_ring(u32 link, u64 target);
/* Running peers of the link, or -ENOENT. */
long shm_peers_running(u32 link);
/* Takes the doorbell SPI: handler runs on each ring (gic_init first). */
int shm_doorbell_request(unsigned int doorbell_irq, irq_handler handler);

#endif
