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

#define RING_MASK (WD_VNET_RING_SIZE - 1)
/* Received frames longer than this get their tail in page fragments. */
#define RX_LINEAR 2048
#define RX_HEAD 256
#define RX_FRAG 16384

/* A record's bytes: header and frame, rounded up to the alignment. */
static u32 rec_size(u32 len)
{
	return ALIGN(WD_VNET_REC_HDR + len, WD_VNET_ALIGN);
}

static struct wd_vnet_rec *rec_at(u8 *ring, u32 off)
{
	return (struct wd_vnet_rec *)(ring + (off & RING_MASK));
}

/* len bytes of the ring at byte index off, wrapping around its end. */
static void copy_out(void *dst, const u8 *ring, u32 off, u32 len)
{
	u32 first = min(len, WD_VNET_RING_SIZE - (off & RING_MASK));

	memcpy(dst, ring + (off & RING_MASK), first);
	memcpy((u8 *)dst + first, ring, len - first);
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

/* The tail of a long frame into page fragments (no high-order pages). */
static bool rx_frags(struct vnet *v, struct sk_buff *skb, u32 off, u32 len)
{
	u32 n, i;
	void *p;

	for (i = 0; len; i++, off += n, len -= n) {
		n = min_t(u32, len, RX_FRAG);
		p = napi_alloc_frag(n);
		if (!p)
			return false;
		copy_out(p, v->rx_ring, off, n);
		skb_add_rx_frag(skb, i, virt_to_head_page(p),
				p - page_address(virt_to_head_page(p)), n, n);
	}
	return true;
}

/*
 * A private copy of the frame at byte index off: once copied, the peer
 * writing the ring changes nothing we use. head: bytes at least linear.
 */
static struct sk_buff *rx_skb(struct vnet *v, u32 off, u32 len, u32 head)
{
	struct sk_buff *skb;

	if (len <= RX_LINEAR)
		head = len;
	head = min(len, max_t(u32, head, RX_HEAD));
	skb = napi_alloc_skb(&v->napi, head);
	if (!skb)
		return NULL;
	copy_out(skb_put(skb, head), v->rx_ring, off, head);
	if (rx_frags(v, skb, off + head, len - head))
		return skb;
	kfree_skb(skb);
	return NULL;
}

/*
 * One frame of a record whose length was checked. A checksum to be filled
 * in (F_CSUM) makes the skb CHECKSUM_PARTIAL, as a local sender's would
 * be: its start must lie past the Ethernet header (which eth_type_trans
 * pulls) and skb_partial_csum_set() checks that the checksum field lies
 * in the frame's linear part; else the frame is dropped and counted.
 */
static void rx_one(struct vnet *v, u32 off, u32 len, u32 flags, u32 cs, u32 co)
{
	struct net_device *ndev = v->ndev;
	bool partial = flags & WD_VNET_F_CSUM;
	struct sk_buff *skb = rx_skb(v, off, len, partial ? cs + co + 2 : 0);

	if (!skb) {
		ndev->stats.rx_dropped++;
		return;
	}
	if (partial && (cs < ETH_HLEN || !skb_partial_csum_set(skb, cs, co))) {
		kfree_skb(skb);
		return rx_error(ndev, &ndev->stats.rx_frame_errors);
	}
	skb->protocol = eth_type_trans(skb, ndev);
	ndev->stats.rx_packets++;
	ndev->stats.rx_bytes += len;
	napi_gro_receive(&v->napi, skb);
}

/*
 * One record at our rx_cons, avail bytes published before it: its header
 * read once; a length out of range or past what was published is
 * garbage: count it and skip to the producer (no boundary is trusted).
 */
static bool rx_rec(struct vnet *v, u32 avail)
{
	struct wd_vnet_rec *r = rec_at(v->rx_ring, v->rx_cons);
	u32 len = READ_ONCE(r->len), flags = READ_ONCE(r->flags);
	u32 cs = READ_ONCE(r->csum_start), co = READ_ONCE(r->csum_offset);

	if (len < ETH_HLEN || len > WD_VNET_MAX_FRAME ||
	    rec_size(len) > avail) {
		rx_error(v->ndev, &v->ndev->stats.rx_length_errors);
		v->rx_cons += avail;
		return false;
	}
	rx_one(v, v->rx_cons + WD_VNET_REC_HDR, len, flags, cs, co);
	v->rx_cons += rec_size(len);
	return true;
}

/*
 * Up to budget records of the peer's ring. A producer index more than a
 * ring ahead of ours, or not aligned, is garbage: count it and skip to
 * it, so a peer that recovers is followed again.
 */
int vnet_ring_rx(struct vnet *v, int budget)
{
	u32 prod = READ_ONCE(v->peer->tx_prod);
	int n = 0;

	if (prod - v->rx_cons > WD_VNET_RING_SIZE || prod % WD_VNET_ALIGN) {
		rx_error(v->ndev, &v->ndev->stats.rx_fifo_errors);
		v->rx_cons = prod & ~(WD_VNET_ALIGN - 1);
		smp_store_release(&v->me->rx_cons, v->rx_cons);
		return 0;
	}
	smp_rmb(); /* the records after the index that published them */
	while (n < budget && v->rx_cons != prod && rx_rec(v, prod - v->rx_cons))
		n++;
	/* the peer may reuse the bytes once it sees this: copies first */
	smp_store_release(&v->me->rx_cons, v->rx_cons);
	return n;
}

bool vnet_ring_rx_pending(struct vnet *v)
{
	return READ_ONCE(v->peer->tx_prod) != v->rx_cons;
}

/* Free bytes of our ring; a peer index more than a ring behind is
 * garbage: then all (we produce on, the peer resynchronises). */
u32 vnet_ring_tx_free(struct vnet *v)
{
	u32 used = v->tx_prod - READ_ONCE(v->peer->rx_cons);

	return used > WD_VNET_RING_SIZE ? WD_VNET_RING_SIZE
					: WD_VNET_RING_SIZE - used;
}

/* Bytes a frame of len takes in the ring. */
u32 vnet_ring_need(u32 len)
{
	return rec_size(len);
}

/*
 * Copies skb into the next record (the caller checked space and length),
 * with the checksum offload's offsets when the stack left it to us.
 */
bool vnet_ring_tx(struct vnet *v, const struct sk_buff *skb)
{
	struct wd_vnet_rec *r = rec_at(v->tx_ring, v->tx_prod);
	u32 off = (v->tx_prod + WD_VNET_REC_HDR) & RING_MASK;
	u32 first = min(skb->len, WD_VNET_RING_SIZE - off);
	bool partial = skb->ip_summed == CHECKSUM_PARTIAL;

	if (skb_copy_bits(skb, 0, v->tx_ring + off, first) ||
	    skb_copy_bits(skb, first, v->tx_ring, skb->len - first))
		return false;
	WRITE_ONCE(r->len, skb->len);
	WRITE_ONCE(r->flags, partial ? WD_VNET_F_CSUM : 0);
	WRITE_ONCE(r->csum_start, partial ? skb_checksum_start_offset(skb) : 0);
	WRITE_ONCE(r->csum_offset, partial ? skb->csum_offset : 0);
	smp_wmb(); /* the record before the index that publishes it */
	v->tx_prod += rec_size(skb->len);
	WRITE_ONCE(v->me->tx_prod, v->tx_prod);
	return true;
}

/*
 * Test mode (module parameter garbage, Documentation/vnet.md): instead
 * of a frame, the n-th garbage write is, in turn, a record too long, a
 * record too short, a producer index far ahead (then back: garbage
 * twice), or a frame whose checksum offsets lie outside it.
 */
void vnet_ring_garbage(struct vnet *v, unsigned int n)
{
	struct wd_vnet_rec *r = rec_at(v->tx_ring, v->tx_prod);
	static const u32 len[4] = {0xfffffff0u, 3, 0, ETH_ZLEN};

	if (n % 4 == 2) {
		WRITE_ONCE(v->me->tx_prod, v->tx_prod + 0x40000000u);
		return;
	}
	WRITE_ONCE(r->len, len[n % 4]);
	WRITE_ONCE(r->flags, WD_VNET_F_CSUM);
	WRITE_ONCE(r->csum_start, 0xfff0);
	WRITE_ONCE(r->csum_offset, 0);
	smp_wmb();
	v->tx_prod += vnet_ring_need(ETH_ZLEN);
	WRITE_ONCE(v->me->tx_prod, v->tx_prod);
}
