-- What an organization adjusts on its business documents (docs/documents.md): logo, accent colour, one footer for
-- every document, and the standard terms new quotes start with. They are organization settings like the others:
-- people read them, owners and admins change them (RESTRICTIVE policy settings_by_admins on the row's organization,
-- V7), and the audit trigger records every change (except the logo's bytes, V1).

-- One footer for quotes, invoices and whatever comes later (it was meant for invoices only).
ALTER TABLE app.organizations RENAME COLUMN invoice_footer TO document_footer;
ALTER TABLE app.organizations RENAME CONSTRAINT organizations_invoice_footer_check TO organizations_document_footer_check;

-- The accent colour goes into the documents' style sheet, so it is a plain hex colour and nothing else (no CSS).
-- The default is documents.Branding.DEFAULT_ACCENT.
ALTER TABLE app.organizations
  ADD COLUMN document_accent_colour text NOT NULL DEFAULT '#1f4e79'
      CONSTRAINT organizations_document_accent_colour_check
      CHECK (document_accent_colour ~ '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$'),
  -- The terms a new quote starts with (the quote's own terms: app.quotes.terms, up to 8000 characters as well).
  ADD COLUMN quote_terms text CONSTRAINT organizations_quote_terms_check CHECK (length(quote_terms) <= 8000);

-- The logo: PNG or JPEG only (what the PDF renderer embeds without extras; GIF was allowed before), at most 1 MB,
-- bytes and type together, and the bytes must start like the type says (PNG signature, JPEG SOI marker), so a
-- client cannot store something else under an image type.
UPDATE app.organizations SET logo = NULL, logo_content_type = NULL
 WHERE logo_content_type IS DISTINCT FROM 'image/png' AND logo_content_type IS DISTINCT FROM 'image/jpeg'
   AND (logo IS NOT NULL OR logo_content_type IS NOT NULL);
UPDATE app.organizations SET logo = NULL, logo_content_type = NULL
 WHERE (logo_content_type = 'image/png' AND substring(logo FROM 1 FOR 8) IS DISTINCT FROM '\x89504e470d0a1a0a'::bytea)
    OR (logo_content_type = 'image/jpeg' AND substring(logo FROM 1 FOR 3) IS DISTINCT FROM '\xffd8ff'::bytea)
    OR (logo IS NULL) <> (logo_content_type IS NULL);
ALTER TABLE app.organizations DROP CONSTRAINT organizations_logo_check;
ALTER TABLE app.organizations DROP CONSTRAINT organizations_logo_content_type_check;
ALTER TABLE app.organizations
  ADD CONSTRAINT organizations_logo_check CHECK (octet_length(logo) <= 1048576),
  ADD CONSTRAINT organizations_logo_content_type_check CHECK (logo_content_type IN ('image/png', 'image/jpeg')),
  ADD CONSTRAINT organizations_logo_with_type CHECK ((logo IS NULL) = (logo_content_type IS NULL)),
  ADD CONSTRAINT organizations_logo_is_its_type CHECK (
    logo IS NULL
    OR (logo_content_type = 'image/png' AND substring(logo FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea)
    OR (logo_content_type = 'image/jpeg' AND substring(logo FROM 1 FOR 3) = '\xffd8ff'::bytea));

-- Column grants like the other settings (the renamed footer keeps its grant); the row policy decides who.
GRANT UPDATE (document_accent_colour, quote_terms) ON app.organizations TO "${person_role}";

COMMENT ON COLUMN app.organizations.document_footer IS 'Footer text of every business document (quotes, invoices).';
COMMENT ON COLUMN app.organizations.document_accent_colour IS 'Accent colour of the documents: #rgb or #rrggbb.';
COMMENT ON COLUMN app.organizations.quote_terms IS 'Standard terms a new quote starts with.';
