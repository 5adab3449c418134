/**
 * The koffi declarations of the host's libc, against the real libc: the
 * prototypes (variadic fcntl and ioctl, select's struct timeval) and errno
 * read right after a call. Linux only, as the table of host numbers is.
 */
import { expect } from 'chai';
import koffi from 'koffi';
import { constants } from 'node:os';
import { hostFamilies } from '../../harness/common/net/host-abi.js';
import { loadLibc, type Libc } from '../../harness/common/net/libc.js';
import { decodeSockaddr, encodeSockaddr } from '../../harness/common/net/sockaddr.js';

describe('the host libc through koffi', () => {
  let libc: Libc;
  const open: number[] = [];

  before(function () {
    if (process.platform !== 'linux') this.skip();
    libc = loadLibc(koffi);
  });

  afterEach(() => {
    for (const fd of open.splice(0)) libc.close(fd);
  });

  function udpSocket(): number {
    const { AF_INET, SOCK_DGRAM } = libc.abi.constants;
    const fd = libc.socket(AF_INET, SOCK_DGRAM, 0);
    expect(fd).to.be.at.least(0);
    open.push(fd);
    return fd;
  }

  it('is loaded once per koffi', () => {
    expect(loadLibc(koffi)).to.equal(libc);
  });

  it('reads errno right after a failing call', () => {
    libc.setErrno(0);
    expect(libc.close(-1)).to.equal(-1);
    expect(libc.errno()).to.equal(constants.errno.EBADF);
  });

  it('binds, and reads the name back through a socklen_t buffer', () => {
    const fd = udpSocket();
    const families = hostFamilies(libc.abi);
    const wanted = encodeSockaddr({ family: 'AF_INET', address: '127.0.0.1', port: 0 }, families);
    expect(libc.bind(fd, wanted, wanted.length)).to.equal(0);
    const name = Buffer.alloc(128);
    const length = Buffer.alloc(4);
    length.writeInt32LE(128);
    expect(libc.getsockname(fd, name, length)).to.equal(0);
    expect(length.readInt32LE(0)).to.equal(16);
    expect(decodeSockaddr(name, 16, families)).to.include({ family: 'AF_INET', address: '127.0.0.1' });
  });

  it('passes fcntl its variadic int, and ioctl its pointer', () => {
    const fd = udpSocket();
    const { F_GETFL, F_SETFL, O_NONBLOCK, FIONREAD } = libc.abi.constants;
    const flags = libc.fcntl(fd, F_GETFL, 0);
    expect(libc.fcntl(fd, F_SETFL, flags | O_NONBLOCK)).to.equal(0);
    expect(libc.fcntl(fd, F_GETFL, 0) & O_NONBLOCK).to.equal(O_NONBLOCK);
    const pending = Buffer.alloc(4, 0xff);
    expect(libc.ioctl(fd, FIONREAD, pending)).to.equal(0);
    expect(pending.readInt32LE(0)).to.equal(0);
  });

  it('passes select its fd_sets and a struct timeval', () => {
    const fd = udpSocket();
    const writable = Buffer.alloc(libc.abi.fdSetSize / 8);
    writable[fd >> 3] = 1 << (fd & 7);
    expect(libc.select(fd + 1, null, writable, null, { tv_sec: 1, tv_usec: 0 })).to.equal(1);
    expect(writable[fd >> 3]).to.equal(1 << (fd & 7));
  });

  it("names glibc's version", () => {
    expect(libc.version()).to.match(/^\d+\.\d+/);
  });
});
