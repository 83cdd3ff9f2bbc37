// The leaky shop's consent configuration: one optional category, "ads", with two services. It
// is right about what it declares; what goes wrong is elsewhere (see index.html).
window.InstriaConsentConfig = {
  controller: 'Leaky shop',
  categories: {
    essential: { required: true },
    ads: {
      services: {
        // Declared, with its host and cookie, but its tag sits above the consent script.
        pixel: { label: 'Meta Pixel', hosts: ['pixel.example.test'], cookies: ['_fbp'] },
        // Gated correctly, but its tag also writes _uetvid, which is not listed here.
        bing: { label: 'Microsoft Advertising', hosts: ['ads.example.test'], cookies: ['_uetsid'] },
      },
    },
  },
};
