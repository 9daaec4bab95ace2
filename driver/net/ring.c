// SPDX-License-Identifier: GPL-2.0
/*
 * The ring protocol (include/warden/vnet.h, Documentation/vnet.md). The
 * peer is untrusted: its control block and its ring are read once per
 * use, every index and length is checked before it is used, and no
 * offset is ever computed from the peer's data except modulo the ring.
 * A bad index or length drops what it describes and counts an error.
 */
#include <linux/etherdevice.h>
#include <linux/random.h>
#include "vnet.h"

static struct wd_vnet_slot *slot_of(u8 *ring, u32 index)
{
	return (struct wd_vnet_slot *)(ring + (index % WD_VNET_SLOTS) *
						      WD_VNET_SLOT_SIZE);
}

/* A new epoch, indices at 0: the peer resets its view when it sees it. */
void vnet_ring_start(struct vnet *v)
{
	u32 old = v->epoch;

	do
		v->epoch = get_random_u32();
	while (!v->epoch || v->epoch == old);
	v->tx_prod = v->rx_cons = v->ack = v->stale_epoch = 0;
	WRITE_ONCE(v->me->tx_prod, 0);
	WRITE_ONCE(v->me->rx_cons, 0);
	WRITE_ONCE(v->me->ack, 0);
	WRITE_ONCE(v->me->rx_armed, 1);
	WRITE_ONCE(v->me->tx_stopped, 0);
	WRITE_ONCE(v->me->version, WD_VNET_VERSION);
	WRITE_ONCE(v->me->magic, WD_VNET_MAGIC);
	smp_wmb(); /* indices before the epoch that announces them */
	WRITE_ONCE(v->me->epoch, v->epoch);
}

void vnet_ring_stop(struct vnet *v)
{
	WRITE_ONCE(v->me->epoch, 0);
	WRITE_ONCE(v->me->magic, 0);
}

/*
 * The peer started again (a new epoch): both rings begin at 0 for it.
 * Called with NAPI disabled and the TX lock held.
 */
void vnet_ring_reset(struct vnet *v, u32 peer_epoch)
{
	v->tx_prod = v->rx_cons = 0;
	WRITE_ONCE(v->me->tx_prod, 0);
	WRITE_ONCE(v->me->rx_cons, 0);
	WRITE_ONCE(v->me->tx_stopped, 0);
	smp_wmb(); /* the peer trusts our indices once it sees its epoch */
	v->ack = peer_epoch;
	WRITE_ONCE(v->me->ack, peer_epoch);
}

/* Both sides run this protocol and have reset for each other's epoch. */
bool vnet_ring_linked(struct vnet *v)
{
	u32 epoch = READ_ONCE(v->peer->epoch);

	return READ_ONCE(v->peer->magic) == WD_VNET_MAGIC &&
	       READ_ONCE(v->peer->version) == WD_VNET_VERSION && epoch &&
	       epoch == v->ack && epoch != v->stale_epoch &&
	       READ_ONCE(v->peer->ack) == v->epoch;
}

static void rx_error(struct net_device *ndev, unsigned long *counter)
{
	ndev->stats.rx_errors++;
	(*counter)++;
}

/* One frame, its length checked, copied out of the region once. */
static void rx_one(struct vnet *v, const struct wd_vnet_slot *s)
{
	struct net_device *ndev = v->ndev;
	u32 len = READ_ONCE(s->len);
	struct sk_buff *skb;

	if (len < ETH_HLEN || len > WD_VNET_MAX_FRAME)
		return rx_error(ndev, &ndev->stats.rx_length_errors);
	skb = napi_alloc_skb(&v->napi, len);
	if (!skb) {
		ndev->stats.rx_dropped++;
		return;
	}
	memcpy(skb_put(skb, len), (const u8 *)s + WD_VNET_SLOT_HDR, len);
	skb->protocol = eth_type_trans(skb, ndev);
	ndev->stats.rx_packets++;
	ndev->stats.rx_bytes += len;
	napi_gro_receive(&v->napi, skb);
}

/*
 * Up to budget frames of the peer's ring. A producer index more than a
 * ring ahead of ours is garbage: count it and skip to it, so a peer that
 * recovers is followed again.
 */
int vnet_ring_rx(struct vnet *v, int budget)
{
	u32 prod = READ_ONCE(v->peer->tx_prod);
	int n = 0;

	if (prod - v->rx_cons > WD_VNET_SLOTS) {
		rx_error(v->ndev, &v->ndev->stats.rx_fifo_errors);
		v->rx_cons = prod;
		smp_store_release(&v->me->rx_cons, prod);
		return 0;
	}
	smp_rmb(); /* the slots after the index that published them */
	for (; n < budget && v->rx_cons != prod; n++, v->rx_cons++)
		rx_one(v, slot_of(v->rx_ring, v->rx_cons));
	/* the peer may reuse the slots once it sees this: copies first */
	smp_store_release(&v->me->rx_cons, v->rx_cons);
	return n;
}

bool vnet_ring_rx_pending(struct vnet *v)
{
	return READ_ONCE(v->peer->tx_prod) != v->rx_cons;
}

/* Slots of our ring the peer has not taken; > WD_VNET_SLOTS: garbage. */
u32 vnet_ring_tx_used(struct vnet *v)
{
	return v->tx_prod - READ_ONCE(v->peer->rx_cons);
}

/* Copies skb into the next slot (the caller checked space and length). */
bool vnet_ring_tx(struct vnet *v, const struct sk_buff *skb)
{
	struct wd_vnet_slot *s = slot_of(v->tx_ring, v->tx_prod);

	if (skb_copy_bits(skb, 0, (u8 *)s + WD_VNET_SLOT_HDR, skb->len))
		return false;
	WRITE_ONCE(s->len, skb->len);
	WRITE_ONCE(s->flags, 0);
	smp_wmb(); /* the frame before the index that publishes it */
	WRITE_ONCE(v->me->tx_prod, ++v->tx_prod);
	return true;
}

/*
 * Test mode (module parameter garbage, Documentation/vnet.md): instead
 * of a frame, the n-th garbage write is a slot too long, a slot too
 * short, or a producer index far ahead (then back: garbage twice).
 */
void vnet_ring_garbage(struct vnet *v, unsigned int n)
{
	struct wd_vnet_slot *s = slot_of(v->tx_ring, v->tx_prod);

	if (n % 3 == 2) {
		WRITE_ONCE(v->me->tx_prod, v->tx_prod + 0x40000000u);
		return;
	}
	WRITE_ONCE(s->len, n % 3 ? 3 : 0xfffffff0u);
	smp_wmb();
	WRITE_ONCE(v->me->tx_prod, ++v->tx_prod);
}
