/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
/*
 * warden-net's ring protocol in a shared-memory link (not Warden's ABI:
 * Warden only maps the memory and rings the doorbells). Two sides, each
 * with a control block it alone writes and a ring it alone produces into;
 * the other side consumes it. Both sides map the memory cacheable (both
 * are Linux): plain loads and stores with barriers, no cache maintenance.
 * Everything read from the peer is untrusted and checked on every read.
 * Documented in Documentation/vnet.md.
 */
#ifndef WARDEN_VNET_H
#define WARDEN_VNET_H

#include <warden/config.h>

#define WD_VNET_MAGIC 0x544e4457u /* "WDNT" */
#define WD_VNET_VERSION 1u

/* Side 0's control block at 0, side 1's at 64; rings from 0x1000. */
#define WD_VNET_CTL_SIZE 64
#define WD_VNET_RING0 0x1000
#define WD_VNET_SLOTS 32 /* a power of two: indices run free modulo 2^32 */
#define WD_VNET_SLOT_SIZE 8192
#define WD_VNET_SLOT_HDR 16
#define WD_VNET_MAX_FRAME (WD_VNET_SLOT_SIZE - WD_VNET_SLOT_HDR)
#define WD_VNET_RING_SIZE (WD_VNET_SLOTS * WD_VNET_SLOT_SIZE)
#define WD_VNET_MIN_REGION (WD_VNET_RING0 + 2 * WD_VNET_RING_SIZE)

struct wd_vnet_ctl {
	wd_u32 magic; /* WD_VNET_MAGIC while this side runs */
	wd_u32 version;
	wd_u32 epoch; /* new at each start of this side; 0: stopped */
	wd_u32 ack; /* the peer's epoch this side has reset its indices for */
	wd_u32 tx_prod; /* frames this side has put into its ring */
	wd_u32 rx_cons; /* frames of the peer's ring this side has taken */
	wd_u32 rx_armed; /* 1: ring me when you produce */
	wd_u32 tx_stopped; /* 1: ring me when you consume (my ring is full) */
	wd_u32 reserved[8];
};

/* At the start of each slot; the frame follows at WD_VNET_SLOT_HDR. */
struct wd_vnet_slot {
	wd_u32 len; /* Ethernet frame bytes, ETH_HLEN .. WD_VNET_MAX_FRAME */
	wd_u32 flags; /* 0 */
	wd_u64 reserved;
};

#endif
