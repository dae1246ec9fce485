/**
 * Which network addresses reach the machine itself or its local network (loopback, link-local, private,
 * unique-local, and the ranges that are no public host at all), in IPv4 and IPv6, including IPv4 addresses
 * carried inside IPv6 (::ffff:127.0.0.1, 64:ff9b::7f00:1, 2002:7f00:1::). Addresses are given as Node's
 * resolver and the WHATWG URL parser write them; URL has already turned 127.1, 2130706433 and 0x7f.1 into
 * 127.0.0.1.
 */
import { isIPv4, isIPv6 } from 'node:net';

type Range4 = readonly [base: number, bits: number];

const ipv4Local: readonly Range4[] = [
  [ipv4Number('0.0.0.0'), 8], // "this network"
  [ipv4Number('10.0.0.0'), 8],
  [ipv4Number('100.64.0.0'), 10], // carrier-grade NAT
  [ipv4Number('127.0.0.0'), 8],
  [ipv4Number('169.254.0.0'), 16],
  [ipv4Number('172.16.0.0'), 12],
  [ipv4Number('192.0.0.0'), 24],
  [ipv4Number('192.168.0.0'), 16],
  [ipv4Number('198.18.0.0'), 15], // benchmarking
  [ipv4Number('224.0.0.0'), 4], // multicast
  [ipv4Number('240.0.0.0'), 4], // reserved and broadcast
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function inRange4(value: number, [base, bits]: Range4): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(base / size);
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part is folded into the last two). */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Number(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (side: string) => (side ? side.split(':').map((group) => parseInt(group, 16)) : []);
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function embeddedIpv4(high: number, low: number): string {
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function isLocalIpv6(address: string): boolean {
  const g = ipv6Groups(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  if (zeros(0, 8)) return true; // ::
  if (zeros(0, 7) && g[7] === 1) return true; // ::1
  if (zeros(0, 5) && g[5] === 0xffff) return isLocalIpv4(embeddedIpv4(g[6]!, g[7]!)); // IPv4-mapped
  if (zeros(0, 6)) return true; // IPv4-compatible (deprecated), never a public host
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return isLocalIpv4(embeddedIpv4(g[6]!, g[7]!)); // NAT64
  if (g[0] === 0x2002) return isLocalIpv4(embeddedIpv4(g[1]!, g[2]!)); // 6to4
  const first = g[0]!;
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00;
}

function isLocalIpv4(address: string): boolean {
  const value = ipv4Number(address);
  return ipv4Local.some((range) => inRange4(value, range));
}

/** Whether an IP address (v4 or v6, brackets allowed) is the machine itself or its local network. */
export function isLocalNetworkAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return isLocalIpv4(bare);
  if (isIPv6(bare)) return isLocalIpv6(bare);
  return false;
}

/** Whether an IP address is a loopback address (127.0.0.0/8, ::1, or ::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return inRange4(ipv4Number(bare), [ipv4Number('127.0.0.0'), 8]);
  if (!isIPv6(bare)) return false;
  const g = ipv6Groups(bare);
  if (g.slice(0, 7).every((group) => group === 0) && g[7] === 1) return true;
  return g.slice(0, 5).every((group) => group === 0) && g[5] === 0xffff && g[6]! >> 8 === 127;
}

/** Whether a URL's host is loopback: an IP literal that is, or the name localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
}
