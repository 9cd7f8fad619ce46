package dev.billpay.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The gateway JVM's heap right after each garbage collection, for the soak: the benchmark attaches
 * to the gateway (the JDK's attach API starts its local JMX agent) and listens to its collectors'
 * notifications, so the gateway needs no flag nor metric of its own for it. After a collection the
 * heap holds what is live plus what the collector left for later, which is what would grow with a leak.
 */
final class GatewayHeap implements AutoCloseable {
  private final JMXConnector connector;
  private final AtomicLong afterLastGc = new AtomicLong(-1);
  private final AtomicLong collections = new AtomicLong();

  private GatewayHeap(JMXConnector connector) {
    this.connector = connector;
  }

  static GatewayHeap attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    GatewayHeap heap = new GatewayHeap(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    heap.listen();
    return heap;
  }

  private void listen() throws Exception {
    MBeanServerConnection mbs = connector.getMBeanServerConnection();
    Set<String> heapPools = new HashSet<>();
    for (ObjectName pool : mbs.queryNames(new ObjectName("java.lang:type=MemoryPool,*"), null)) {
      if ("HEAP".equals(String.valueOf(mbs.getAttribute(pool, "Type")))) {
        heapPools.add(pool.getKeyProperty("name"));
      }
    }
    for (ObjectName gc : mbs.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null)) {
      mbs.addNotificationListener(gc, (Notification n, Object handback) -> collected(n, heapPools), null, null);
    }
  }

  private void collected(Notification n, Set<String> heapPools) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
        .getGcInfo().getMemoryUsageAfterGc();
    long used = after.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
    afterLastGc.set(used);
    collections.incrementAndGet();
  }

  /** Bytes of heap in use after the latest collection, or -1 before the first one. */
  long afterLastGc() {
    return afterLastGc.get();
  }

  long collections() {
    return collections.get();
  }

  @Override
  public void close() throws Exception {
    connector.close();
  }
}
