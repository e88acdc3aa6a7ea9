// ImageLocality compares a container's image with the names a node reports after appending `:latest` when the
// reference has no tag (pkg/scheduler/framework/plugins/imagelocality normalizedImageName).

export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}
