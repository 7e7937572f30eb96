import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of the Windows profile (configured, not tested): jpackage 17 has no option to put the installation
 * folder on the PATH, and its WiX template (main.wxs) can only be replaced as a whole. So the first jpackage run keeps
 * its own main.wxs (--temp), this program adds one component to it (a PATH entry for INSTALLDIR, removed again on
 * uninstall) and the second jpackage run uses the result (--resource-dir). The template stays the JDK's own.
 *
 * <p>Run as a source file: {@code java AddInstallDirToPath.java <jpackage temp>/config/main.wxs <resource dir>}.
 */
public final class AddInstallDirToPath {
    private static final String COMPONENT = """
              <DirectoryRef Id="INSTALLDIR">
                <Component Id="WorklineOnPath" Guid="{4E0C8A63-5B0F-4C1E-9A2D-7F3B6E21C9D4}">
                  <Environment Id="WorklinePath" Name="PATH" Value="[INSTALLDIR]" Action="set" Part="last" System="yes" Permanent="no"/>
                  <RegistryValue Root="HKLM" Key="Software\\Workline\\Workline" Name="OnPath" Type="integer" Value="1" KeyPath="yes"/>
                </Component>
              </DirectoryRef>
            """;

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args[0]);
        Path resources = Path.of(args[1]);
        String wxs = Files.readString(template);
        if (wxs.contains("WorklineOnPath")) {
            throw new IllegalStateException(template + " already has the PATH component");
        }
        int product = wxs.lastIndexOf("</Product>");
        int feature = wxs.indexOf("<Feature ");
        int featureEnd = feature < 0 ? -1 : wxs.indexOf('>', feature);
        if (product < 0 || featureEnd < 0 || !wxs.contains("\"INSTALLDIR\"")) {
            throw new IllegalStateException(template + " is not the WiX template this step knows (Product, Feature, INSTALLDIR)");
        }
        String patched = wxs.substring(0, featureEnd + 1) + "\n      <ComponentRef Id=\"WorklineOnPath\"/>"
                + wxs.substring(featureEnd + 1, product) + COMPONENT + wxs.substring(product);
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("main.wxs"), patched);
        System.out.println("main.wxs with Workline on the PATH: " + resources.resolve("main.wxs"));
    }
}
