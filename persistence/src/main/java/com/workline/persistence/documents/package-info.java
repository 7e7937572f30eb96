/**
 * Business documents (quotes now, invoices later) as PDF, without JavaFX and without the database: a neutral
 * {@link com.workline.persistence.documents.BusinessDocument}, the organization's
 * {@link com.workline.persistence.documents.Branding}, a {@link com.workline.persistence.documents.DocumentFormatter}
 * for the organization's locale and the document's currency, and the
 * {@link com.workline.persistence.documents.PdfRenderer} that fills an XHTML/CSS Mustache template and renders it
 * with openhtmltopdf on PDFBox (ADR 0008).
 */
package com.workline.persistence.documents;
