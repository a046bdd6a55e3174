package io.slotbridge.local;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader one service's context sees: the launcher's, except that {@code db/migration} resources come only
 * from that service's own jar. Every service ships its Flyway scripts as {@code db/migration/V1__….sql}; on one shared
 * classpath Flyway would otherwise find every service's V1 and refuse to start. Classes are always loaded by the
 * parent, so all contexts share the same types.
 */
final class ServiceClassLoader extends ClassLoader {

    static final String MIGRATIONS = "db/migration";

    private final String ownRoot;

    ServiceClassLoader(ClassLoader parent, Class<?> mainClass) {
        super("slotbridge-" + mainClass.getSimpleName(), parent);
        this.ownRoot = rootOf(parent, mainClass);
    }

    /** The URL prefix of the jar or classes directory that holds {@code mainClass}. */
    static String rootOf(ClassLoader loader, Class<?> mainClass) {
        String classFile = mainClass.getName().replace('.', '/') + ".class";
        URL url = loader.getResource(classFile);
        if (url == null) {
            throw new IllegalStateException("cannot find " + classFile + " on the classpath");
        }
        String text = url.toString();
        return text.substring(0, text.length() - classFile.length());
    }

    @Override
    public URL getResource(String name) {
        if (!isMigration(name)) {
            return getParent().getResource(name);
        }
        List<URL> own = own(name);
        return own.isEmpty() ? null : own.get(0);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!isMigration(name)) {
            return getParent().getResources(name);
        }
        return Collections.enumeration(own(name));
    }

    private List<URL> own(String name) {
        List<URL> own = new ArrayList<>();
        try {
            for (URL url : Collections.list(getParent().getResources(name))) {
                if (url.toString().startsWith(ownRoot)) {
                    own.add(url);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + name + " on the classpath", e);
        }
        return own;
    }

    private static boolean isMigration(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        return path.startsWith(MIGRATIONS);
    }
}
