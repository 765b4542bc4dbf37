/*
 * rtnl-mrt: the multicast routing state the golden corpus captures, made
 * inside a qemu guest (see guest-setup.sh and regen.sh, which builds this
 * statically for each guest's architecture). Multicast routes are not made
 * over netlink: a routing daemon owns them through MRT_* / MRT6_* socket
 * options, and the kernel drops them all when its socket closes. So this
 * program sets them up, says "ready", and holds the sockets until it is
 * killed.
 *
 *   rtnl-mrt IN OUT1 OUT2 SENDER
 *
 * IPv4 (default table): virtual interfaces 0..2 on IN, OUT1, OUT2; cache
 * entries (10.9.0.2, 239.1.1.1) from vif 0 to vif 1 (TTL threshold 1) and
 * vif 2 (TTL 5), and (10.9.0.3, 239.1.1.2) from vif 0 to vif 1.
 * IPv6: multicast interfaces 0..2 on the same devices; an entry
 * (fd00:9::2, ff0e::1) from mif 0 to mifs 1 and 2.
 * Then one UDP datagram to 239.2.2.2 (from 10.9.0.99) and one to ff0e::2
 * leave SENDER (the peer of IN), so that IN receives packets no entry matches: the kernel
 * reports them (RTM_NEWCACHEREPORT, IGMPMSG_NOCACHE / MRT6MSG_NOCACHE) and
 * keeps unresolved entries for a while.
 *
 * Everything happens inside the guest, on its own links.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/mroute.h>
#include <linux/mroute6.h>

static int fail(const char *what)
{
	perror(what);
	return 1;
}

static unsigned int ifindex(const char *name)
{
	unsigned int i = if_nametoindex(name);

	if (!i)
		fprintf(stderr, "rtnl-mrt: no device %s\n", name);
	return i;
}

int main(int argc, char **argv)
{
	unsigned int dev[3], sender;
	int one = 1, hops = 5, i;

	if (argc != 5) {
		fprintf(stderr, "usage: rtnl-mrt IN OUT1 OUT2 SENDER\n");
		return 2;
	}
	for (i = 0; i < 3; i++)
		if (!(dev[i] = ifindex(argv[1 + i])))
			return 1;
	if (!(sender = ifindex(argv[4])))
		return 1;

	/* IPv4 */
	int s4 = socket(AF_INET, SOCK_RAW, IPPROTO_IGMP);
	if (s4 < 0 || setsockopt(s4, IPPROTO_IP, MRT_INIT, &one, sizeof(one)))
		return fail("MRT_INIT");
	for (i = 0; i < 3; i++) {
		struct vifctl v;

		memset(&v, 0, sizeof(v));
		v.vifc_vifi = i;
		v.vifc_flags = VIFF_USE_IFINDEX;
		v.vifc_threshold = 1;
		v.vifc_lcl_ifindex = dev[i];
		if (setsockopt(s4, IPPROTO_IP, MRT_ADD_VIF, &v, sizeof(v)))
			return fail("MRT_ADD_VIF");
	}
	struct mfcctl m;

	memset(&m, 0, sizeof(m));
	m.mfcc_origin.s_addr = inet_addr("10.9.0.2");
	m.mfcc_mcastgrp.s_addr = inet_addr("239.1.1.1");
	m.mfcc_parent = 0;
	m.mfcc_ttls[1] = 1;
	m.mfcc_ttls[2] = 5;
	if (setsockopt(s4, IPPROTO_IP, MRT_ADD_MFC, &m, sizeof(m)))
		return fail("MRT_ADD_MFC");
	memset(&m, 0, sizeof(m));
	m.mfcc_origin.s_addr = inet_addr("10.9.0.3");
	m.mfcc_mcastgrp.s_addr = inet_addr("239.1.1.2");
	m.mfcc_parent = 0;
	m.mfcc_ttls[1] = 1;
	if (setsockopt(s4, IPPROTO_IP, MRT_ADD_MFC, &m, sizeof(m)))
		return fail("MRT_ADD_MFC");

	/* IPv6 */
	int s6 = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	if (s6 < 0 || setsockopt(s6, IPPROTO_IPV6, MRT6_INIT, &one, sizeof(one)))
		return fail("MRT6_INIT");
	for (i = 0; i < 3; i++) {
		struct mif6ctl c;

		memset(&c, 0, sizeof(c));
		c.mif6c_mifi = i;
		c.mif6c_pifi = dev[i];
		if (setsockopt(s6, IPPROTO_IPV6, MRT6_ADD_MIF, &c, sizeof(c)))
			return fail("MRT6_ADD_MIF");
	}
	struct mf6cctl f;

	memset(&f, 0, sizeof(f));
	f.mf6cc_origin.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "fd00:9::2", &f.mf6cc_origin.sin6_addr);
	f.mf6cc_mcastgrp.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "ff0e::1", &f.mf6cc_mcastgrp.sin6_addr);
	f.mf6cc_parent = 0;
	IF_SET(1, &f.mf6cc_ifset);
	IF_SET(2, &f.mf6cc_ifset);
	if (setsockopt(s6, IPPROTO_IPV6, MRT6_ADD_MFC, &f, sizeof(f)))
		return fail("MRT6_ADD_MFC");

	/* packets no entry matches, into IN from its peer */
	int u4 = socket(AF_INET, SOCK_DGRAM, 0);
	struct ip_mreqn mr;
	/* from an address of IN's subnet that no link has: a local source
	 * would be a martian to IN, and none (SENDER has no IPv4 address) is
	 * dropped before multicast routing */
	struct sockaddr_in from4 = { .sin_family = AF_INET };

	from4.sin_addr.s_addr = inet_addr("10.9.0.99");
	/* IP_TRANSPARENT: a source address no link has (IP_FREEBIND binds it,
	 * but the route lookup then refuses it) */
	setsockopt(u4, IPPROTO_IP, IP_TRANSPARENT, &one, sizeof(one));
	if (bind(u4, (struct sockaddr *)&from4, sizeof(from4)))
		perror("bind 10.9.0.99");

	memset(&mr, 0, sizeof(mr));
	mr.imr_ifindex = sender;
	setsockopt(u4, IPPROTO_IP, IP_MULTICAST_IF, &mr, sizeof(mr));
	setsockopt(u4, IPPROTO_IP, IP_MULTICAST_TTL, &hops, sizeof(hops));
	struct sockaddr_in to4 = { .sin_family = AF_INET, .sin_port = htons(9999) };

	to4.sin_addr.s_addr = inet_addr("239.2.2.2");
	if (sendto(u4, "rtnl", 4, 0, (struct sockaddr *)&to4, sizeof(to4)) < 0)
		perror("sendto 239.2.2.2");
	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);

	setsockopt(u6, IPPROTO_IPV6, IPV6_MULTICAST_IF, &sender, sizeof(sender));
	setsockopt(u6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops, sizeof(hops));
	struct sockaddr_in6 to6 = { .sin6_family = AF_INET6, .sin6_port = htons(9999) };

	inet_pton(AF_INET6, "ff0e::2", &to6.sin6_addr);
	if (sendto(u6, "rtnl", 4, 0, (struct sockaddr *)&to6, sizeof(to6)) < 0)
		perror("sendto ff0e::2");

	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
