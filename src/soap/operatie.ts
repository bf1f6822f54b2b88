// The contract of one SOAP operation module: how it is recognised, what its stuurgegevens must say, and how it
// turns a request into an answer. verwerk() runs inside one store transaction (a consistent read for a question):
// it awaits nothing but the store, and may be run again when PostgreSQL retries the transaction.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Store } from '../store';
import type { TransactieOpties } from '../store/sql';
import type { Zaaktypecatalogus } from '../domain/zaaktypen';
import type { Toegangsregister } from '../toegang/identificatie';
import type { Aanroeper } from '../toegang/aanroeper';
import { Afwijkingen } from '../stuf/entiteit';
import { Dialect } from '../stuf/namespaces';
import { Stuurgegevens, Systeem } from '../stuf/stuurgegevens';
import { XElement } from '../stuf/xml';
import type { Bestemmingen } from '../uitgaand/bestemmingen';
import type { Gebeurtenis } from '../notificaties/gebeurtenis';
import type { Partners } from '../partners/partners';
import type { Waarnemingen } from '../waarneming';

export interface Gateway {
  config: Config;
  store: Store;
  catalogus: Zaaktypecatalogus;
  log: Logger;
  toegang: Toegangsregister;
  /** Where the outbox sends to. */
  bestemmingen: Bestemmingen;
  /** Ketenpartners whose zaken we mirror. */
  partners: Partners;
  /**
   * Asks a partner for the status of its zaak when the mirror is stale (absent in tools that only read the store);
   * partners/verversen.ts provides it. Only what reads need is named here, so the soap layer does not import it.
   */
  ververser?: { voorLezen(identificatie: string): Promise<string | undefined> };
  /** The outbox worker, woken after a commit that gave it work. */
  bezorger?: { wek(): void };
  /** Where the exchanges and protocol rows are reported (metrics, journal); absent in tools that only read the store. */
  waarneming?: Waarnemingen;
}

export interface Bericht {
  root: XElement;
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
}

export interface OperatieContext extends Gateway {
  afw: Afwijkingen;
  /** Log notes that are not deviations from the standard. */
  meldingen: string[];
  /** Our own StUF identity for answers. */
  eigen: Systeem;
  /** meldingen for the answer itself (a La01's melding), e.g. that a mirrored status could not be refreshed. */
  antwoordMeldingen: string[];
  /** Who is calling, decided from the transport before the operation runs. */
  aanroeper: Aanroeper;
}

export interface Antwoord {
  bericht: XElement;
  /** Zaak identificaties the answer concerns, for the log line and the protocol. */
  zaken?: string[];
  /** BSNs the question selected on: such a question is protocolled even when its answer shows no person. */
  gevraagdePersonen?: string[];
  /** Overrides the operation's gebeurtenis for this answer; null: nothing to notify (a partner's change that changed nothing). */
  gebeurtenis?: Gebeurtenis | null;
  /**
   * Per zaak identificatie, the BSNs of the persons taking part before the change (updateZaak, when signalen is
   * configured): a signal to the regisseur then concerns only the persons the change added.
   */
  personenVooraf?: Record<string, string[]>;
  /** A resend answered with the answer stored the first time (set by the verwerker). */
  herhaald?: boolean;
  /** The protocol row written for it, committed with it (set by the verwerker). */
  geprotocolleerd?: 'lezen' | 'schrijven';
}

export interface Operatie {
  naam: string;
  /** Lk01, Di01, Du01: acknowledged with Bv03, refused with Fo03. Otherwise answered synchronously, refused with Fo02. */
  asynchroon: boolean;
  /** Changes state: runs in a write transaction and is recognised when resent. */
  wijzigt: boolean;
  /**
   * `los`: its transaction may interleave with other instances' (PostgreSQL READ COMMITTED), for an operation whose
   * shared state is a counter it increments: under the default isolation every two concurrent increments are a
   * serialisation conflict, and many at once exhaust the retries.
   */
  isolatie?: TransactieOpties['isolatie'];
  /**
   * A resend (same zender and referentienummer, same body) is processed again instead of answered from the stored
   * answer: for operations that are idempotent by themselves and whose answer carries document content, which is
   * not worth storing twice.
   */
  herhaalbaar?: boolean;
  /** The gebeurtenis subscribers are notified of, for every zaak the answer concerns (rzs.md §6.1). */
  gebeurtenis?: Gebeurtenis;
  /**
   * The message is addressed to another application and passes through the gateway (overdragenZaak): its
   * ontvanger may be a configured destination instead of the gateway itself.
   */
  doorgestuurd?: boolean;
  /** Full SOAPAction URIs that name this operation. */
  acties: string[];
  /** Body roots this operation accepts; a root shared by several operations is resolved by dispatch. */
  roots: { ns: string; local: string }[];
  /** What the stuurgegevens must say. */
  stuurgegevens: { berichtcode: string; entiteittype?: string; functie?: string[] };
  verwerk(ctx: OperatieContext, bericht: Bericht): Promise<Antwoord>;
  /** Work outside the transaction, before it (asking a ketenpartner for a stale status): it may wait on the network. */
  vooraf?(ctx: OperatieContext, bericht: Bericht): Promise<void>;
}
