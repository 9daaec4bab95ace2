/* SPDX-License-Identifier: GPL-2.0 */
/*
 * warden-net (Documentation/vnet.md): one netdev per link. vnet.c is the
 * netdev, its NAPI poll, the doorbell and the link's carrier; ring.c the
 * ring protocol of include/warden/vnet.h.
 */
#ifndef WARDEN_NET_VNET_H
#define WARDEN_NET_VNET_H

#include <linux/netdevice.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <warden/vnet.h>

typedef long (*vnet_hvc_fn)(unsigned long fn, unsigned long a1,
			    unsigned long a2);

struct vnet {
	struct net_device *ndev;
	struct napi_struct napi;
	struct work_struct link_work; /* LINK_STATE and the handshake */
	struct timer_list retry; /* link check while the carrier is off */
	struct wd_vnet_ctl *me, *peer; /* control blocks in the region */
	u8 *tx_ring, *rx_ring;
	vnet_hvc_fn hvc; /* process context (the root's sleeps) */
	long (*ring)(unsigned long link); /* any context */
	bool root; /* side 0, warden.ko's calls */
	u32 link;
	int irq;
	struct mutex lock; /* running vs link_work's NAPI reset */
	bool running;
	bool announced; /* since the carrier came on (rtnl) */
	/* the truth is here; the region only gets copies */
	u32 tx_prod, rx_cons, epoch, ack;
	u32 stale_epoch; /* the epoch of a peer seen gone: not a new start */
	u64 doorbells_tx, doorbells_rx;
};

/* ring.c */
void vnet_ring_start(struct vnet *v);
void vnet_ring_stop(struct vnet *v);
void vnet_ring_reset(struct vnet *v, u32 peer_epoch);
bool vnet_ring_linked(struct vnet *v);
int vnet_ring_rx(struct vnet *v, int budget);
bool vnet_ring_rx_pending(struct vnet *v);
u32 vnet_ring_tx_free(struct vnet *v);
u32 vnet_ring_need(u32 len);
bool vnet_ring_tx(struct vnet *v, const struct sk_buff *skb);
void vnet_ring_garbage(struct vnet *v, unsigned int n);

/* vnet.c */
void vnet_kick(struct vnet *v);

#endif
