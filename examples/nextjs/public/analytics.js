// A stand-in for your analytics tag (gtag.js, Matomo…): the example's test checks that it
// runs only after consent.
window.analyticsRan = (window.analyticsRan || 0) + 1;
