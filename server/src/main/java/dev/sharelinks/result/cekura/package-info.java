/**
 * The Cekura shareable-result-link API ({@code specs/cekura/results.yaml}), and everything that is Cekura's way
 * rather than ours: Django REST Framework's error shape and words, its API-key and share-token headers, 403 for an
 * expired link, JSON, form and multipart bodies, DRF's date-time formats.
 */
package dev.sharelinks.result.cekura;
