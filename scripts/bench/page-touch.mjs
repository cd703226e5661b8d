#!/usr/bin/env node
/**
 * 本机写入新内存的代价：分配 64 MiB（不清零，尚未触碰），写满一遍（每一页第一次写入都要由内核缺页分配），
 * 再写满一遍（页已在），各自折合每页（4 KiB）多少微秒，以一行 JSON 输出。基准测试据此估计一次运行的缺页
 * 大约花了多少 CPU：在第一遍远慢于第二遍的机器上（例如虚拟机里宿主机要先给客户机补上这页），程序保留的数据
 * 越多、碰过的新页越多，比只读一个文件就丢掉的基线慢得越多。
 * The cost of fresh memory on this machine: 64 MiB allocated (not zeroed, not yet touched), written
 * once (every page's first write is a page fault the kernel serves) and again (the pages are there),
 * each as microseconds per 4 KiB page, printed as one JSON line. The bench uses it to estimate
 * what a run's page faults cost: where the first pass is far slower than the second (a virtual
 * machine whose host must back the guest's page first), a program that keeps more data and so
 * touches more new pages falls further behind the floor, which drops each file once it is parsed.
 *
 *   node scripts/bench/page-touch.mjs        → {"firstUs":…,"againUs":…,"pages":16384}
 */
const BYTES = 64 * 1024 * 1024;
const PAGE = 4096;

// allocUnsafeSlow: memory of its own from the allocator, left unwritten (a fresh mapping at this size)
const b = Buffer.allocUnsafeSlow(BYTES);
let t = process.hrtime.bigint();
b.fill(1);
const first = Number(process.hrtime.bigint() - t);
t = process.hrtime.bigint();
b.fill(2);
const again = Number(process.hrtime.bigint() - t);
const pages = BYTES / PAGE;
console.log(JSON.stringify({ firstUs: first / 1000 / pages, againUs: again / 1000 / pages, pages }));
