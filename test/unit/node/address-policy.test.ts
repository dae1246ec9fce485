import { describe, expect, it } from 'vitest';
import { isLocalNetworkAddress, isLoopbackHost } from '../../../src/node/net/address-policy';

describe('the address policy', () => {
  it.each(['127.0.0.1', '127.255.1.2', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', '[::1]', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'fc00::1', 'fdff::1', 'fe80::1%eth0', 'febf::1', 'ff02::1', '64:ff9b::a00:1', '2002:c0a8:101::1', '::127.0.0.1'])(
    '%s is local',
    (address) => expect(isLocalNetworkAddress(address)).toBe(true),
  );

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '192.169.0.1', '1.1.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2a00::1'])('%s is public', (address) =>
    expect(isLocalNetworkAddress(address)).toBe(false),
  );

  it('knows loopback hosts for a hub mirror on the same machine', () => {
    expect(['localhost', '127.0.0.1', '[::1]', '127.0.0.2', 'LOCALHOST.', 'mirror.localhost'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'huggingface.co', 'localhost.example', '[::2]'].some(isLoopbackHost)).toBe(false);
  });
});
