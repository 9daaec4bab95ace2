// SPDX-License-Identifier: GPL-2.0
/*
 * warden-net: an Ethernet device over a shared-memory link
 * (Documentation/vnet.md), for the root and for a Linux cell, one module.
 * The DT node says which: "warden,ivshmem-net" is the root's (side 0),
 * whose hypercalls go through warden.ko (wd_link_hvc, which sleeps, for
 * the link state; wd_link_ring for the doorbell); "warden,ivshmem" is a
 * Linux cell's link (side 1, tools/linux_dt.c), where the kernel makes
 * the HVC itself.
 *
 * The doorbell interrupt schedules NAPI; a poll that finds nothing to do
 * takes the doorbell as state news and checks the link (WD_HC_LINK_STATE
 * and the peer's epoch): the carrier is on only while a peer runs and
 * both sides have reset their rings for each other.
 */
#include <linux/arm-smccc.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/inetdevice.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <net/sch_generic.h>
#include <warden/hypercall.h>
#include "vnet.h"

static bool batch = true;
module_param(batch, bool, 0644);
MODULE_PARM_DESC(batch, "ring only a peer that waits (0: every frame)");
static unsigned int garbage;
module_param(garbage, uint, 0644);
MODULE_PARM_DESC(garbage, "test: the next N transmits write garbage");

/* warden.ko's, in the root only (symbol_get: no load-time dependency). */
long wd_link_hvc(unsigned long fn, unsigned long link, unsigned long arg);
long wd_link_ring(unsigned long link);

/* A Linux cell: Warden's hypercalls are SMCCC HVCs from EL1. */
static long cell_hvc(unsigned long fn, unsigned long a1, unsigned long a2)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_hvc(fn, a1, a2, &res);
	return (long)res.a0;
}

static long cell_ring(unsigned long link)
{
	return cell_hvc(WD_HC_DOORBELL, link, WD_DOORBELL_ALL_PEERS);
}

/* Any context: the root's wd_link_ring does not sleep either. */
void vnet_kick(struct vnet *v)
{
	v->doorbells_tx++;
	v->ring(v->link);
}

/* From process context: the BH section runs the poll it raises. */
static void poll_soon(struct vnet *v)
{
	local_bh_disable();
	napi_schedule(&v->napi);
	local_bh_enable();
}

/*
 * Frames are taken only while our own queue is active: linkwatch
 * activates it some time after the carrier comes on, and until then the
 * stack drops what it sends (the ARP or ping answers to the frames we
 * took). Frames left in the ring wait for vnet_event().
 */
static bool ready(struct vnet *v)
{
	return netif_carrier_ok(v->ndev) && !qdisc_tx_is_noop(v->ndev);
}

static void link_up(struct vnet *v)
{
	netif_carrier_on(v->ndev);
	netif_wake_queue(v->ndev);
	poll_soon(v);
}

/*
 * Process context. A peer epoch we have not reset for is a new start of
 * the peer: reset both rings (NAPI off, TX locked) and tell it. A peer
 * seen gone keeps its stale epoch in the region: that is not a start.
 */
static void link_check(struct vnet *v, long peers, u32 epoch)
{
	if (peers <= 0)
		v->stale_epoch = epoch;
	else if (epoch && epoch != v->ack && epoch != v->stale_epoch) {
		napi_disable(&v->napi);
		netif_tx_lock_bh(v->ndev);
		vnet_ring_reset(v, epoch);
		netif_tx_unlock_bh(v->ndev);
		napi_enable(&v->napi);
		poll_soon(v); /* re-arms rx_armed */
		vnet_kick(v);
	}
	if (peers > 0 && vnet_ring_linked(v)) {
		if (!netif_carrier_ok(v->ndev))
			link_up(v);
		/*
		 * The news of a peer's end may come with frames: look again.
		 * And a doorbell lost on the way (the last frame of a burst)
		 * leaves frames in the ring: take them now, not never.
		 */
		if (vnet_ring_rx_pending(v))
			poll_soon(v);
		mod_timer(&v->retry, jiffies + HZ);
		return;
	}
	if (netif_carrier_ok(v->ndev))
		netif_carrier_off(v->ndev);
	mod_timer(&v->retry, jiffies + HZ / 2);
}

/* v->lock: stop() never races our napi_disable(). */
static void link_work(struct work_struct *w)
{
	struct vnet *v = container_of(w, struct vnet, link_work);
	long peers = v->hvc(WD_HC_LINK_STATE, v->link, 0);
	u32 epoch = READ_ONCE(v->peer->epoch);

	mutex_lock(&v->lock);
	if (v->running)
		link_check(v, peers, epoch);
	mutex_unlock(&v->lock);
}

static void retry_timer(struct timer_list *t)
{
	struct vnet *v = from_timer(v, t, retry);

	schedule_work(&v->link_work);
}

static irqreturn_t doorbell(int irq, void *data)
{
	struct vnet *v = data;

	v->doorbells_rx++;
	WRITE_ONCE(v->me->rx_armed, 0);
	napi_schedule(&v->napi);
	return IRQ_HANDLED;
}

/* Room for one more frame of the MTU (VLAN-tagged) in our ring. */
static bool tx_room(struct vnet *v)
{
	return vnet_ring_tx_free(v) >=
	       vnet_ring_need(v->ndev->mtu + VLAN_ETH_HLEN);
}

/* Our ring had been full: wake the queue once the peer took frames. */
static bool tx_wake(struct vnet *v)
{
	if (!netif_queue_stopped(v->ndev) || !tx_room(v))
		return false;
	WRITE_ONCE(v->me->tx_stopped, 0);
	netif_wake_queue(v->ndev);
	return true;
}

static int poll(struct napi_struct *napi, int budget)
{
	struct vnet *v = container_of(napi, struct vnet, napi);
	bool linked = ready(v);
	int done = linked ? vnet_ring_rx(v, budget) : 0;
	bool woke = linked && tx_wake(v);

	smp_mb(); /* our rx_cons before the look at its flag (see tx_full) */
	if (done && READ_ONCE(v->peer->tx_stopped))
		vnet_kick(v);
	if (!done && !woke)
		schedule_work(
			&v->link_work); /* state news, or a spurious one */
	if (done < budget && napi_complete_done(napi, done)) {
		WRITE_ONCE(v->me->rx_armed, 1);
		smp_mb(); /* armed before the last look (the peer: vice versa) */
		if (linked && vnet_ring_rx_pending(v) &&
		    napi_schedule_prep(napi)) {
			WRITE_ONCE(v->me->rx_armed, 0);
			__napi_schedule(napi);
		}
	}
	return done;
}

static bool tx_full(struct vnet *v)
{
	if (tx_room(v))
		return false;
	netif_stop_queue(v->ndev);
	WRITE_ONCE(v->me->tx_stopped, 1);
	smp_mb(); /* stopped before the last look at the peer's index */
	return !tx_wake(v);
}

/*
 * A peer index more than a ring behind is garbage: we produce anyway (the
 * peer resynchronises on our index), so a peer cannot stall us.
 */
static netdev_tx_t xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct vnet *v = netdev_priv(ndev);

	if (!netif_carrier_ok(ndev) || skb->len > WD_VNET_MAX_FRAME ||
	    vnet_ring_tx_free(v) < vnet_ring_need(skb->len)) {
		ndev->stats.tx_dropped++;
	} else if (garbage) {
		vnet_ring_garbage(v, garbage--);
	} else if (vnet_ring_tx(v, skb)) {
		ndev->stats.tx_packets++;
		ndev->stats.tx_bytes += skb->len;
	} else {
		ndev->stats.tx_errors++;
	}
	dev_consume_skb_any(skb);
	smp_mb(); /* our index before the peer's armed flag (see poll) */
	if (tx_full(v) || !batch ||
	    (!netdev_xmit_more() && READ_ONCE(v->peer->rx_armed)))
		vnet_kick(v);
	return NETDEV_TX_OK;
}

static int open(struct net_device *ndev)
{
	struct vnet *v = netdev_priv(ndev);

	netif_carrier_off(ndev);
	v->announced = false;
	vnet_ring_start(v);
	napi_enable(&v->napi);
	netif_start_queue(ndev);
	mutex_lock(&v->lock);
	v->running = true;
	mutex_unlock(&v->lock);
	vnet_kick(v);
	schedule_work(&v->link_work);
	return 0;
}

static int stop(struct net_device *ndev)
{
	struct vnet *v = netdev_priv(ndev);

	mutex_lock(&v->lock);
	v->running = false;
	mutex_unlock(&v->lock);
	netif_stop_queue(ndev);
	napi_disable(&v->napi); /* its poll schedules link_work */
	del_timer_sync(&v->retry);
	cancel_work_sync(&v->link_work); /* may arm the timer */
	del_timer_sync(&v->retry);
	netif_carrier_off(ndev);
	vnet_ring_stop(v);
	vnet_kick(v);
	return 0;
}

static const struct net_device_ops vnet_ops;

/*
 * Announce us (gratuitous ARP, unsolicited NA; rtnl held) so that a peer
 * whose address resolution for us was pending since we went away (its
 * next retry up to a second off, and its last one then fails and drops
 * what it queued) sends what it queued now.
 */
static void announce(struct vnet *v)
{
	v->announced = true;
	poll_soon(v); /* the frames that waited for ready() */
	__netdev_notify_peers(v->ndev);
}

/* Linkwatch (rtnl held) has activated our queue, or the carrier is off. */
static int vnet_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *ndev = netdev_notifier_info_to_dev(ptr);
	struct vnet *v = netdev_priv(ndev);

	if (event != NETDEV_CHANGE || ndev->netdev_ops != &vnet_ops)
		return NOTIFY_DONE;
	if (!netif_carrier_ok(ndev))
		v->announced = false;
	else if (ready(v) && !v->announced)
		announce(v);
	return NOTIFY_DONE;
}

/*
 * An IPv4 address added (rtnl held) after our queue became active (`ip
 * link set up` before `ip addr add`): the announcement above had none.
 */
static int vnet_addr_event(struct notifier_block *nb, unsigned long event,
			   void *ptr)
{
	struct net_device *ndev = ((struct in_ifaddr *)ptr)->ifa_dev->dev;

	if (event == NETDEV_UP && ndev->netdev_ops == &vnet_ops &&
	    ready(netdev_priv(ndev)))
		announce(netdev_priv(ndev));
	return NOTIFY_DONE;
}

static struct notifier_block vnet_notifier = {.notifier_call = vnet_event};
static struct notifier_block vnet_addr_notifier = {.notifier_call =
							   vnet_addr_event};

static const struct net_device_ops vnet_ops = {
	.ndo_open = open,
	.ndo_stop = stop,
	.ndo_start_xmit = xmit,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

static ssize_t doorbells_show(struct device *d, struct device_attribute *a,
			      char *buf)
{
	struct vnet *v = netdev_priv(to_net_dev(d));

	return sysfs_emit(buf, "%llu %llu\n", v->doorbells_tx, v->doorbells_rx);
}
static DEVICE_ATTR_RO(doorbells);
static struct attribute *vnet_attrs[] = {&dev_attr_doorbells.attr, NULL};
static const struct attribute_group vnet_group = {.attrs = vnet_attrs};

static int map_region(struct platform_device *pdev, struct vnet *v)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	u8 *base;
	int side = v->root ? 0 : 1;

	if (!res || resource_size(res) < WD_VNET_MIN_REGION)
		return dev_err_probe(&pdev->dev, -EINVAL,
				     "needs a reg of at least %u bytes\n",
				     WD_VNET_MIN_REGION);
	if (of_property_read_u32(pdev->dev.of_node, "warden,link", &v->link))
		return dev_err_probe(&pdev->dev, -EINVAL,
				     "needs warden,link\n");
	/* cacheable: both sides are Linux, same coherent domain */
	base = devm_memremap(&pdev->dev, res->start, resource_size(res),
			     MEMREMAP_WB);
	if (IS_ERR(base))
		return PTR_ERR(base);
	v->me = (struct wd_vnet_ctl *)(base + side * WD_VNET_CTL_SIZE);
	v->peer = (struct wd_vnet_ctl *)(base + !side * WD_VNET_CTL_SIZE);
	v->tx_ring = base + WD_VNET_RING0 + side * WD_VNET_RING_SIZE;
	v->rx_ring = base + WD_VNET_RING0 + !side * WD_VNET_RING_SIZE;
	return 0;
}

static void put_hvc(struct vnet *v)
{
	if (v->hvc)
		symbol_put(wd_link_hvc);
	if (v->ring)
		symbol_put(wd_link_ring);
}

/* The root's node needs warden.ko (loaded first: else probe is deferred). */
static int pick_hvc(struct platform_device *pdev, struct vnet *v)
{
	if (!of_device_is_compatible(pdev->dev.of_node, "warden,ivshmem-net")) {
		v->hvc = cell_hvc;
		v->ring = cell_ring;
		return 0;
	}
	v->root = true;
	v->hvc = symbol_get(wd_link_hvc);
	v->ring = symbol_get(wd_link_ring);
	if (v->hvc && v->ring)
		return 0;
	put_hvc(v);
	return -EPROBE_DEFER;
}

static void setup(struct net_device *ndev)
{
	ether_setup(ndev);
	ndev->netdev_ops = &vnet_ops;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = WD_VNET_MAX_FRAME - VLAN_ETH_HLEN;
	/* the peer fills in checksums (or leaves them to its stack) */
	ndev->hw_features = NETIF_F_SG | NETIF_F_HW_CSUM;
	ndev->features = ndev->hw_features;
	ndev->sysfs_groups[0] = &vnet_group;
}

/*
 * Locally administered, from the link and the side: the same after a
 * restart of either side, so the peer's neighbour entry stays right.
 */
static void set_mac(struct vnet *v)
{
	u8 mac[ETH_ALEN] = {0x02,	  'W',	   'D',
			    v->link >> 8, v->link, v->root ? 0 : 1};

	eth_hw_addr_set(v->ndev, mac);
}

static void init_vnet(struct vnet *v, struct net_device *ndev)
{
	v->ndev = ndev;
	mutex_init(&v->lock);
	INIT_WORK(&v->link_work, link_work);
	timer_setup(&v->retry, retry_timer, 0);
	netif_napi_add(ndev, &v->napi, poll);
}

static int probe_netdev(struct platform_device *pdev, struct net_device *ndev)
{
	struct vnet *v = netdev_priv(ndev);
	int err = pick_hvc(pdev, v);

	if (err)
		return err;
	err = map_region(pdev, v);
	if (err)
		goto put;
	init_vnet(v, ndev);
	set_mac(v);
	v->irq = platform_get_irq(pdev, 0);
	err = v->irq < 0 ? v->irq
			 : request_irq(v->irq, doorbell, 0,
				       dev_name(&pdev->dev), v);
	if (err)
		goto put;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	err = register_netdev(ndev);
	if (!err)
		return 0;
	free_irq(v->irq, v);
put:
	if (v->root)
		put_hvc(v);
	return err;
}

static int vnet_probe(struct platform_device *pdev)
{
	struct net_device *ndev = alloc_netdev(sizeof(struct vnet), "wdnet%d",
					       NET_NAME_ENUM, setup);
	int err;

	if (!ndev)
		return -ENOMEM;
	err = probe_netdev(pdev, ndev);
	if (err) {
		free_netdev(ndev);
		return err;
	}
	platform_set_drvdata(pdev, ndev);
	return 0;
}

static int vnet_remove(struct platform_device *pdev)
{
	struct net_device *ndev = platform_get_drvdata(pdev);
	struct vnet *v = netdev_priv(ndev);
	bool root = v->root;

	unregister_netdev(ndev); /* stop() */
	free_irq(v->irq, v);
	free_netdev(ndev);
	if (root) {
		symbol_put(wd_link_hvc);
		symbol_put(wd_link_ring);
	}
	return 0;
}

static const struct of_device_id vnet_of_match[] = {
	{.compatible = "warden,ivshmem-net"}, /* the root's */
	{.compatible = "warden,ivshmem"}, /* a Linux cell's */
	{},
};
MODULE_DEVICE_TABLE(of, vnet_of_match);

static struct platform_driver vnet_driver = {
	.probe = vnet_probe,
	.remove = vnet_remove,
	.driver = {.name = "warden-net", .of_match_table = vnet_of_match},
};
static int __init vnet_init(void)
{
	int err = register_netdevice_notifier(&vnet_notifier);

	if (err)
		return err;
	register_inetaddr_notifier(&vnet_addr_notifier);
	err = platform_driver_register(&vnet_driver);
	if (!err)
		return 0;
	unregister_inetaddr_notifier(&vnet_addr_notifier);
	unregister_netdevice_notifier(&vnet_notifier);
	return err;
}
module_init(vnet_init);

static void __exit vnet_exit(void)
{
	platform_driver_unregister(&vnet_driver);
	unregister_inetaddr_notifier(&vnet_addr_notifier);
	unregister_netdevice_notifier(&vnet_notifier);
}
module_exit(vnet_exit);

MODULE_DESCRIPTION("Warden: Ethernet over a shared-memory link");
MODULE_LICENSE("GPL");
