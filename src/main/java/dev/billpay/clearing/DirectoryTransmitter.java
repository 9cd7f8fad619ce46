package dev.billpay.clearing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;

/**
 * Writes each file to a directory as {@code <file date>-<modifier>-<id>.ach}, first under a temporary
 * name and then renamed, so a pick-up agent never sees half a file.
 */
public final class DirectoryTransmitter implements Transmitter {
  private final FileSystem fs;
  private final String dir;

  public DirectoryTransmitter(Vertx vertx, String dir) {
    this.fs = vertx.fileSystem();
    this.dir = dir;
  }

  @Override
  public Future<Void> transmit(ClearingFile file, String content) {
    String name = file.fileDate() + "-" + file.fileIdModifier() + "-" + file.id() + ".ach";
    String partial = dir + "/." + name + ".part";
    return fs.mkdirs(dir)
        .compose(v -> fs.writeFile(partial, Buffer.buffer(content)))
        .compose(v -> fs.move(partial, dir + "/" + name, new io.vertx.core.file.CopyOptions().setReplaceExisting(true)));
  }
}
