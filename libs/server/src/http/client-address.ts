import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';

// Who the client is, for rate limits and the login log: the socket's address, or — when the
// socket is a proxy named in TRUST_PROXY — the address that proxy (and any trusted proxy before
// it) saw, from X-Forwarded-For read right to left. An untrusted sender's X-Forwarded-For is
// ignored, so nobody can choose the address they are counted under.

/** Whether an address (of a socket or an X-Forwarded-For hop) is a proxy whose X-Forwarded-For is believed. */
export type TrustedProxies = (address: string) => boolean;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The address, with an IPv4-mapped IPv6 address (::ffff:10.0.0.1) read as IPv4; null if it is none. */
function parseAddress(text: string): Address | null {
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.parse(text);
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** A TRUST_PROXY entry: an address (10.0.0.5, ::1) or a CIDR range (10.0.0.0/8, fd00::/8); null if it is neither. */
export function parseTrustedRange(entry: string): [Address, number] | null {
  const text = entry.trim();
  if (text.includes('/')) {
    try {
      return ipaddr.parseCIDR(text);
    } catch {
      return null;
    }
  }
  const address = parseAddress(text);
  return address ? [address, address.kind() === 'ipv4' ? 32 : 128] : null;
}

function inRange(address: Address, [range, bits]: [Address, number]): boolean {
  if (address instanceof ipaddr.IPv4) return range instanceof ipaddr.IPv4 && address.match(range, bits);
  return range instanceof ipaddr.IPv6 && address.match(range, bits);
}

/** The proxies of TRUST_PROXY (addresses and CIDR ranges); an empty list trusts none. Throws on an entry that is neither. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const ranges = entries.map((entry) => {
    const range = parseTrustedRange(entry);
    if (!range) throw new Error(`Not an IP address or CIDR range: ${entry}`);
    return range;
  });
  if (ranges.length === 0) return () => false;
  return (text) => {
    const address = parseAddress(text);
    return address !== null && ranges.some((range) => inRange(address, range));
  };
}

/**
 * The client's address: the socket's, unless that is a trusted proxy; then each hop of
 * X-Forwarded-For from the right, as long as it is a trusted proxy too. A hop that is no address
 * stops the walk at the last trusted one.
 */
export function clientAddressOf(socketAddress: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let client = parseAddress(socketAddress)?.toString() ?? socketAddress;
  if (!trusted(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map((hop) => hop.trim()).reverse();
  for (const hop of hops) {
    const address = parseAddress(hop);
    if (!address) return client;
    client = address.toString();
    if (!trusted(client)) return client;
  }
  return client;
}

/** The address of the request's client (see clientAddressOf); 'unknown' when the socket gives none. */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    socketAddress = undefined;
  }
  if (!socketAddress) return 'unknown';
  return clientAddressOf(socketAddress, c.req.header('X-Forwarded-For'), trusted);
}
